import Foundation
import XCTest
@testable import TributaryFirehose

/// Dates: `gmtime`, `mktime`, `strftime`, `strptime` and the ISO 8601 shorthands, in UTC.
/// Expected values were produced by running jq 1.6 on each case (the engine AWS names `JQ-1.6`).
final class JQTimeTests: XCTestCase {
    /// `gmtime` splits seconds since the epoch (fraction kept in the seconds) into jq's broken-down array.
    func testGmtimeBreaksDownSeconds() {
        assertCases([
            JQCase(#"gmtime"#, #"1425599621"#, .outputs([#"[2015,2,5,23,53,41,4,63]"#])),
            JQCase(#"gmtime"#, #"1425599621.25"#, .outputs([#"[2015,2,5,23,53,41.25,4,63]"#])),
            JQCase(#"gmtime"#, #"-1"#, .outputs([#"[1969,11,31,23,59,59,3,364]"#])),
            JQCase(#"gmtime"#, #"-1.5"#, .outputs([#"[1969,11,31,23,59,59.5,3,364]"#])),
            JQCase(#"gmtime"#, #""a""#, .runtimeError(#"gmtime() requires numeric inputs"#)),
            JQCase(#"gmtime"#, #"1e20"#,
                   .runtimeError(#"errror converting number of seconds since epoch to datetime"#)),
            JQCase(#"gmtime"#, #"1e16"#, .outputs([#"[316889355,0,25,17,46,40,6,24]"#])),
            JQCase(#"gmtime"#, #"1e17"#,
                   .runtimeError(#"errror converting number of seconds since epoch to datetime"#)),
            JQCase(#"gmtime"#, #"-62167219201"#, .outputs([#"[-1,11,31,23,59,59,5,364]"#])),
            JQCase(#"gmtime"#, #"951782400"#, .outputs([#"[2000,1,29,0,0,0,2,59]"#])),
            JQCase(#"gmtime"#, #"4107542400"#, .outputs([#"[2100,2,1,0,0,0,1,59]"#])),
            JQCase(#"gmtime|mktime"#, #"1425599621.7"#, .outputs([#"1425599621"#])),
            JQCase(#"[.[] | gmtime]"#, #"[0, 946684799, 946684800, 951868800, 951782400, 978307199, 1078012800, 4102444800, -2208988800, -11644473600]"#,
                   .outputs([
                       #"[[1970,0,1,0,0,0,4,0],[1999,11,31,23,59,59,5,364],[2000,0,1,0,0,0,6,0],[2000,2,1,0,0,0,3,60],[2000,1,29,0,0,0,2,59],[2000,11,31,23,59,59,0,365],[2004,1,29,0,0,0,0,59],[2100,0,1,0,0,0,5,0],[1900,0,1,0,0,0,1,0],[1601,0,1,0,0,0,1,0]]"#,
                   ])),
        ])
    }

    /// `mktime` is UTC `timegm`: out-of-range fields carry, fractions truncate.
    func testMktimeNormalisesFields() {
        assertCases([
            JQCase(#"mktime"#, #"[2015,2,5,23,51,47,4,63]"#, .outputs([#"1425599507"#])),
            JQCase(#"mktime"#, #"[2015,2,5]"#, .runtimeError(#"mktime requires parsed datetime inputs"#)),
            JQCase(#"mktime"#, #""a""#, .runtimeError(#"mktime requires array inputs"#)),
            JQCase(#"mktime"#, #"[2015,14,40,0,0,0,0,0]"#, .outputs([#"1460160000"#])),
            JQCase(#"mktime"#, #"[2015,"a",5,23,51,47,4,63]"#,
                   .runtimeError(#"mktime requires parsed datetime inputs"#)),
            JQCase(#"mktime"#, #"[2015,2,5,23,51,47.9,0,0]"#, .outputs([#"1425599507"#])),
            JQCase(#"mktime"#, #"[1969,11,31,23,59,59,0,0]"#, .runtimeError(#"invalid gmtime representation"#)),
            JQCase(#"mktime"#, #"[2015,2,5,23,51,47.9,0,0,"x"]"#, .outputs([#"1425599507"#])),
            JQCase(#"mktime"#, #"[2000,-13,1,0,0,0,0,0]"#, .outputs([#"912470400"#])),
            JQCase(#"mktime"#, #"[1900,0,1,0,0,0,0,0]"#, .outputs([#"-2208988800"#])),
            JQCase(#"mktime"#, #"[1600,1,29,0,0,0,0,0]"#, .outputs([#"-11670998400"#])),
        ])
    }

    /// `todate`, `todateiso8601`, `fromdate`, `fromdateiso8601` use `%Y-%m-%dT%H:%M:%SZ`.
    func testIsoDateShorthands() {
        assertCases([
            JQCase(#"todate"#, #"1425599621"#, .outputs([#""2015-03-05T23:53:41Z""#])),
            JQCase(#"todate"#, #"1425599621.9"#, .outputs([#""2015-03-05T23:53:41Z""#])),
            JQCase(#"todateiso8601"#, #"0"#, .outputs([#""1970-01-01T00:00:00Z""#])),
            JQCase(#"todate"#, #""x""#, .runtimeError(#"strftime/1 requires parsed datetime inputs"#)),
            JQCase(#"todate"#, #"-86401"#, .outputs([#""1969-12-30T23:59:59Z""#])),
            JQCase(#"todate"#, #"1e12"#, .outputs([#""33658-09-27T01:46:40Z""#])),
            JQCase(#"fromdate"#, #""2015-03-05T23:51:47Z""#, .outputs([#"1425599507"#])),
            JQCase(#"fromdateiso8601"#, #""2015-03-05T23:51:47.123Z""#,
                   .runtimeError(#"date "2015-03-05T23:51:47.123Z" does not match format "%Y-%m-%dT%H:%M:%SZ""#)),
            JQCase(#"fromdate"#, #""2015-03-05 23:51:47""#,
                   .runtimeError(#"date "2015-03-05 23:51:47" does not match format "%Y-%m-%dT%H:%M:%SZ""#)),
            JQCase(#"fromdate"#, #"1"#, .runtimeError(#"strptime/1 requires string inputs and arguments"#)),
            JQCase(#"[.[] | todate]"#, #"[0, 946684799, 946684800, 951868800, 951782400, 978307199, 1078012800, 4102444800, -2208988800, -11644473600]"#,
                   .outputs([
                       #"["1970-01-01T00:00:00Z","1999-12-31T23:59:59Z","2000-01-01T00:00:00Z","2000-03-01T00:00:00Z","2000-02-29T00:00:00Z","2000-12-31T23:59:59Z","2004-02-29T00:00:00Z","2100-01-01T00:00:00Z","1900-01-01T00:00:00Z","1601-01-01T00:00:00Z"]"#,
                   ])),
        ])
    }

    /// `strftime` prints fields as glibc does in the C locale, flags and widths included.
    func testStrftimeConversionsAndFlags() {
        assertCases([
            JQCase(#"strftime("%Y-%m-%dT%H:%M:%SZ")"#, #"1425599621"#, .outputs([#""2015-03-05T23:53:41Z""#])),
            JQCase(#"strftime("%A, %B %d, %Y")"#, #"1425599621"#, .outputs([#""Thursday, March 05, 2015""#])),
            JQCase(#"strftime("%a %b %e %j %y %Z %z %s %I %p %u %w %C %D %F %T %R %% %h %U %W %V %G %g %k %l %c %x %X %n|%t|")"#, #"1425599621"#,
                   .outputs([
                       #""Thu Mar  5 064 15 UTC +0000 1425599621 11 PM 4 4 20 03/05/15 2015-03-05 23:53:41 23:53 % Mar 09 09 10 2015 15 23 11 Thu Mar  5 23:53:41 2015 03/05/15 23:53:41 \n|\t|""#,
                   ])),
            JQCase(#"strftime("%Y")"#, #""x""#, .runtimeError(#"strftime/1 requires parsed datetime inputs"#)),
            JQCase(#"strftime("%Y")"#, #"[2015,2,5]"#, .runtimeError(#"strftime/1 requires parsed datetime inputs"#)),
            JQCase(#"strftime("%Y %H")"#, #"[2015,2,5,23,51,47,4,63]"#, .outputs([#""2015 23""#])),
            JQCase(#"strftime("%Y")"#, #"["a"]"#, .runtimeError(#"strftime/1 requires parsed datetime inputs"#)),
            JQCase(#"strftime("%Q %E %O")"#, #"0"#, .outputs([#""%Q %E %O""#])),
            JQCase(#"strftime("%Y")"#, #"[2015,2,5,23,51,47]"#,
                   .runtimeError(#"strftime/1 requires parsed datetime inputs"#)),
            JQCase(#"strftime("%a %b %j")"#, #"[2015,13,5,23,51,47,9,400]"#, .outputs([#""? ? 401""#])),
            JQCase(#"strftime("%c%c%c%c%c")"#, #"0"#, .runtimeError(#"strftime/1: unknown system failure"#)),
            JQCase(#"strftime("")"#, #"0"#, .runtimeError(#"strftime/1: unknown system failure"#)),
            JQCase(#"strftime("%Y|%C|%y|%G|%g|%V|%U|%W")"#, #"[5,0,1,0,0,0,0,0]"#,
                   .outputs([#""5|0|05|4|04|52|01|00""#])),
            JQCase(#"strftime("%Y|%C|%y|%d|%e|%H|%j")"#, #"[-5,0,-3,-1,0,0,0,-2]"#,
                   .outputs([#""-5|-1|95|-3|-3|-1|-01""#])),
            JQCase(#"strftime("%-d|%_d|%0e|%^a|%^b|%-j|%10Y|%EY|%Od|%#Z|%-H")"#, #"[2015,2,5,3,4,5,4,63]"#,
                   .outputs([#""5| 5|05|THU|MAR|64|0000002015|2015|05|utc|3""#])),
            JQCase(#"strftime("%Y")"#, #"[1e10,0,1,0,0,0,0,0]"#, .outputs([#""-2147483648""#])),
            JQCase(#"strftime("%s")"#, #"[2015,2,5,23,51,47,0,0]"#, .outputs([#""1425599507""#])),
            JQCase(#"strftime("%I %l %p %P %r")"#, #"[2015,2,5,0,4,5,4,63]"#,
                   .outputs([#""12 12 AM am 12:04:05 AM""#])),
            JQCase(#"strftime("%I %l %p %P")"#, #"[2015,2,5,12,4,5,4,63]"#, .outputs([#""12 12 PM pm""#])),
            JQCase(#"strftime("%G-%V %g")"#, #"[2016,0,1,0,0,0,5,0]"#, .outputs([#""2015-53 15""#])),
            JQCase(#"strftime("%G-%V")"#, #"[2014,11,29,0,0,0,1,362]"#, .outputs([#""2015-01""#])),
            JQCase(#"strftime("%F|%D|%c|%x|%G|%-y|%_y|%3d|%-3d|%_3d|%03e|%^p|%#p|%#a|%#b|%^B|%Ey")"#, #"[5,0,1,0,0,0,0,0]"#,
                   .outputs([
                       #""5-01-01|01/01/05|Sun Jan  1 00:00:00 5|01/01/05|4|5| 5|001|  1|  1|001|AM|am|SUN|JAN|JANUARY|05""#,
                   ])),
            JQCase(#"strftime("%F")"#, #"[-5,0,1,0,0,0,0,0]"#, .outputs([#""-5-01-01""#])),
            JQCase(#"strftime("%m %M %S")"#, #"[2015,-1,1,0,-7,-70,0,0]"#, .outputs([#""00 -7 -70""#])),
            JQCase(#"strftime("%a %A %b %B")"#, #"[2015,12,1,0,0,0,-1,0]"#, .outputs([#""? ? ? ?""#])),
            JQCase(#"strftime("%_5Y|%-5Y|%05d|%_j")"#, #"[2015,0,1,0,0,0,0,5]"#,
                   .outputs([#"" 2015| 2015|00001|  6""#])),
            JQCase(#"strftime("%%|%5%|%")"#, #"0"#, .outputs([#""%|    %|%""#])),
            JQCase(#"strftime("%Q|%-Q|%5Q")"#, #"0"#, .outputs([#""%Q|%-Q|  %5Q""#])),
            JQCase(#"strftime("%u %w")"#, #"[2015,0,1,0,0,0,0,0]"#, .outputs([#""7 0""#])),
            JQCase(#"strftime("%k|%l|%e")"#, #"[2015,0,1,13,0,0,0,0]"#, .outputs([#""13| 1| 1""#])),
            JQCase(#"[strftime("%Y","%m")]"#, #"0"#, .outputs([#"["1970","01"]"#])),
            JQCase(#"[.[] | gmtime | strftime("%G %V %U %W %j %u")]"#, #"[0, 946684799, 946684800, 951868800, 951782400, 978307199, 1078012800, 4102444800, -2208988800, -11644473600,1230681600,1262217600,1293753600]"#,
                   .outputs([
                       #"["1970 01 00 00 001 4","1999 52 52 52 365 5","1999 52 00 00 001 6","2000 09 09 09 061 3","2000 09 09 09 060 2","2000 52 53 52 366 7","2004 09 09 08 060 7","2099 53 00 00 001 5","1900 01 00 01 001 1","1601 01 00 01 001 1","2009 01 52 52 366 3","2009 53 52 52 365 4","2010 52 52 52 365 5"]"#,
                   ])),
        ])
    }

    /// `strptime` reads dates as glibc does and derives weekday and day of year.
    func testStrptimeParsesAsGlibc() {
        assertCases([
            JQCase(#"strptime("%Y-%m-%dT%H:%M:%SZ")"#, #""2015-03-05T23:51:47Z""#,
                   .outputs([#"[2015,2,5,23,51,47,4,63]"#])),
            JQCase(#"strptime("%Y-%m-%dT%H:%M:%SZ")|mktime"#, #""2015-03-05T23:51:47Z""#, .outputs([#"1425599507"#])),
            JQCase(#"strptime("%d/%b/%Y:%H:%M:%S %z")"#, #""10/Oct/2000:13:55:36 -0700""#,
                   .outputs([#"[2000,9,10,13,55,36,2,283]"#])),
            JQCase(#"strptime("%d/%b/%Y:%H:%M:%S %z")|mktime"#, #""10/Oct/2000:13:55:36 -0700""#,
                   .outputs([#"971186136"#])),
            JQCase(#"strptime("%Y")"#, #""x""#, .runtimeError(#"date "x" does not match format "%Y""#)),
            JQCase(#"strptime("%Y")"#, #"1"#, .runtimeError(#"strptime/1 requires string inputs and arguments"#)),
            JQCase(#"strptime("%s")"#, #""1425599621""#, .outputs([#"[2015,2,5,23,53,41,4,63]"#])),
            JQCase(#"strptime("%a %b %e %H:%M:%S %Z %Y")"#, #""Thu Mar  5 23:51:47 UTC 2015""#,
                   .outputs([#"[2015,2,5,23,51,47,4,63]"#])),
            JQCase(#"strptime("%j %Y")"#, #""064 2015""#, .outputs([#"[2015,2,5,0,0,0,4,63]"#])),
            JQCase(#"strptime("%y")"#, #""69""#, .outputs([#"[1969,0,0,0,0,0,2,-1]"#])),
            JQCase(#"strptime("%y")"#, #""68""#, .outputs([#"[2068,0,0,0,0,0,6,-1]"#])),
            JQCase(#"strptime("%Y-%m-%d")"#, #""2015-03-05 extra""#, .outputs([#"[2015,2,5,0,0,0,4,63," extra"]"#])),
            JQCase(#"strptime("%Y-%m-%d")"#, #""2015-03-05x""#,
                   .runtimeError(#"date "2015-03-05x" does not match format "%Y-%m-%d""#)),
            JQCase(#"[strptime("%Y","%m")]"#, #""12""#, .outputs([#"[[12,0,0,0,0,0,6,-1],[1900,11,0,0,0,0,5,333]]"#])),
            JQCase(#"strptime("%H:%M")"#, #""12:34""#, .outputs([#"[1900,0,0,12,34,0,8,367]"#])),
            JQCase(#"strptime("%Y-%m-%d")|mktime"#, #""2015-03-05""#, .outputs([#"1425513600"#])),
            JQCase(#"strptime("%Y %Z")"#, #""2015 PST""#, .outputs([#"[2015,0,0,0,0,0,3,-1]"#])),
            JQCase(#"strptime("%e")"#, #"" 5""#, .outputs([#"[1900,0,5,0,0,0,5,4]"#])),
            JQCase(#"strptime("%d")"#, #""5""#, .outputs([#"[1900,0,5,0,0,0,5,4]"#])),
            JQCase(#"strptime("%m/%d")"#, #""3/5""#, .outputs([#"[1900,2,5,0,0,0,1,63]"#])),
            JQCase(#"strptime("%Y")"#, #""  2015""#, .outputs([#"[2015,0,0,0,0,0,3,-1]"#])),
            JQCase(#"strptime(" %Y")"#, #""2015""#, .outputs([#"[2015,0,0,0,0,0,3,-1]"#])),
            JQCase(#"strptime("%Y-%m")"#, #""2015 - 03""#,
                   .runtimeError(#"date "2015 - 03" does not match format "%Y-%m""#)),
            JQCase(#"strptime("%Y%m%d")"#, #""20150305""#, .outputs([#"[2015,2,5,0,0,0,4,63]"#])),
            JQCase(#"strptime("%b %d")"#, #""MARCH 05""#, .outputs([#"[1900,2,5,0,0,0,1,63]"#])),
            JQCase(#"strptime("%a")"#, #""thu""#, .outputs([#"[1900,0,0,0,0,0,4,367]"#])),
            JQCase(#"strptime("%a")"#, #""  thu""#, .runtimeError(#"date "  thu" does not match format "%a""#)),
            JQCase(#"strptime("%a %d")"#, #""Thursday 05""#, .outputs([#"[1900,0,5,0,0,0,4,4]"#])),
            JQCase(#"strptime("%A")"#, #""Thursdayx""#, .runtimeError(#"date "Thursdayx" does not match format "%A""#)),
            JQCase(#"strptime("%s")"#, #""-100""#, .runtimeError(#"date "-100" does not match format "%s""#)),
            JQCase(#"strptime("%y%m")"#, #""1503""#, .outputs([#"[2015,2,0,0,0,0,6,58]"#])),
            JQCase(#"strptime("%H")"#, #""24""#, .runtimeError(#"date "24" does not match format "%H""#)),
            JQCase(#"strptime("%S")"#, #""61""#, .outputs([#"[1900,0,0,0,0,61,8,367]"#])),
            JQCase(#"strptime("%Y")"#, #""12345""#, .runtimeError(#"date "12345" does not match format "%Y""#)),
            JQCase(#"strptime("%p %I")"#, #""PM 3""#, .outputs([#"[1900,0,0,15,0,0,8,367]"#])),
            JQCase(#"strptime("%I %p")"#, #""3 pm""#, .outputs([#"[1900,0,0,15,0,0,8,367]"#])),
            JQCase(#"strptime("%T")"#, #""01:02:03""#, .outputs([#"[1900,0,0,1,2,3,8,367]"#])),
            JQCase(#"strptime("%D")"#, #""03/05/15""#, .outputs([#"[2015,2,5,0,0,0,4,63]"#])),
            JQCase(#"strptime("%F")"#, #""2015-03-05""#, .outputs([#"[2015,2,5,0,0,0,4,63]"#])),
            JQCase(#"strptime("%R")"#, #""01:02""#, .outputs([#"[1900,0,0,1,2,0,8,367]"#])),
            JQCase(#"strptime("%%%Y")"#, #""%2015""#, .outputs([#"[2015,0,0,0,0,0,3,-1]"#])),
            JQCase(#"strptime("%C%y")"#, #""1999""#, .outputs([#"[1999,0,0,0,0,0,4,-1]"#])),
            JQCase(#"strptime("%C")"#, #""19""#, .outputs([#"[1900,0,0,0,0,0,0,-1]"#])),
            JQCase(#"strptime("%Y")"#, #""-5""#, .runtimeError(#"date "-5" does not match format "%Y""#)),
            JQCase(#"strptime("%m")"#, #""13""#, .runtimeError(#"date "13" does not match format "%m""#)),
            JQCase(#"strptime("%d")"#, #""0""#, .runtimeError(#"date "0" does not match format "%d""#)),
            JQCase(#"strptime("%j")"#, #""000""#, .runtimeError(#"date "000" does not match format "%j""#)),
            JQCase(#"strptime("%Y-%m-%d")"#, #""2015-02-30""#, .outputs([#"[2015,1,30,0,0,0,1,60]"#])),
            JQCase(#"strptime("%Y-%m-%d")|mktime"#, #""2015-02-30""#, .outputs([#"1425254400"#])),
            JQCase(#"strptime("%Y-%m-%d")|todate"#, #""2015-02-30""#, .outputs([#""2015-02-30T00:00:00Z""#])),
            JQCase(#"strptime("%z")"#, #""+01:00""#, .outputs([#"[1900,0,0,0,0,0,8,367]"#])),
            JQCase(#"strptime("%z")"#, #""Z""#, .outputs([#"[1900,0,0,0,0,0,8,367]"#])),
            JQCase(#"strptime("%z")"#, #""+1""#, .runtimeError(#"date "+1" does not match format "%z""#)),
            JQCase(#"strptime("%z")"#, #""+0160""#, .runtimeError(#"date "+0160" does not match format "%z""#)),
            JQCase(#"strptime("%w %u")"#, #""3 7""#, .outputs([#"[1900,0,0,0,0,0,0,367]"#])),
            JQCase(#"strptime("%Y-%m-%dT%H:%M:%S%z")"#, #""2016-02-29T12:00:00+0100""#,
                   .outputs([#"[2016,1,29,12,0,0,1,59]"#])),
            JQCase(#"strptime("%c")"#, #""Thu Mar  5 23:51:47 2015""#, .outputs([#"[2015,2,5,23,51,47,4,63]"#])),
            JQCase(#"strptime("%r")"#, #""11:51:47 PM""#, .outputs([#"[1900,0,0,23,51,47,8,367]"#])),
            JQCase(#"strptime("%Y %j")"#, #""2016 366""#, .outputs([#"[2016,11,31,0,0,0,6,365]"#])),
            JQCase(#"strptime("%m %Y")"#, #""2 2016""#, .outputs([#"[2016,1,0,0,0,0,0,30]"#])),
        ])
    }

    /// `%U %W %V %G %g` are read and ignored, as glibc does.
    func testStrptimeIgnoresWeekNumbers() {
        assertCases([
            JQCase(#"strptime("%U")"#, #""10""#, .outputs([#"[1900,0,0,0,0,0,8,367]"#])),
            JQCase(#"strptime("%W %V")"#, #""10 52""#, .outputs([#"[1900,0,0,0,0,0,8,367]"#])),
            JQCase(#"strptime("%G-%g")"#, #""2015-15""#, .outputs([#"[1900,0,0,0,0,0,8,367]"#])),
            JQCase(#"strptime("%Oy")"#, #""10""#, .outputs([#"[2010,0,0,0,0,0,4,-1]"#])),
            JQCase(#"strptime("%P")"#, #""pm""#, .runtimeError(#"date "pm" does not match format "%P""#)),
            JQCase(#"strptime("%-d")"#, #""10""#, .outputs([#"[1900,0,10,0,0,0,3,9]"#])),
            JQCase(#"strptime("%5Y")"#, #""10""#, .outputs([#"[10,0,0,0,0,0,4,-1]"#])),
            JQCase(#"strptime("%s")"#, #""10""#, .outputs([#"[1970,0,1,0,0,10,4,0]"#])),
        ])
    }

    /// `now` is read once per run and is the instant the caller gives (here 2015-03-05T23:53:41Z).
    func testNowIsTheInstantOfTheRun() throws {
        XCTAssertEqual(try jqOutputs("now, (now | todate), (now | strftime(\"%Y\"))", "null"),
                       ["1425599621", "\"2015-03-05T23:53:41Z\"", "\"2015\""])
        let before = Date().timeIntervalSince1970
        let outputs = try JQProgram("now").run(json: Array("null".utf8))
        guard case .number(let instant)? = outputs.first else { return XCTFail("now gave \(outputs)") }
        XCTAssertGreaterThanOrEqual(instant, before)
        XCTAssertLessThan(instant, before + 60)
    }
}
