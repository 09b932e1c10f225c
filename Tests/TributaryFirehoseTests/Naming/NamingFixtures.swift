import Foundation

/// Fixed instants (UTC) the naming tests render at; the epoch values were computed independently of the code
/// under test.
enum NamingFixtures {
    /// 2018-08-27T10:30:05.123456Z, a Monday: the date of AWS's prefix examples.
    static let august27 = Date(timeIntervalSince1970: 1_535_365_805.123456)
    /// 2018-07-06T23:59:00Z, a Friday.
    static let july6 = Date(timeIntervalSince1970: 1_530_921_540)
    /// 2018-08-27T00:15:00Z.
    static let august27AfterMidnight = Date(timeIntervalSince1970: 1_535_328_900)
    /// 2018-01-05T00:00:00Z.
    static let january5 = Date(timeIntervalSince1970: 1_515_110_400)
    /// 2018-12-29T12:00:00Z (Saturday) and 2018-12-30T12:00:00Z (Sunday, in week 1 of 2019 by US weeks).
    static let december29 = Date(timeIntervalSince1970: 1_546_084_800)
    static let december30 = Date(timeIntervalSince1970: 1_546_171_200)
    /// 2022-01-01T00:00:00Z (Saturday) and 2022-01-02T00:00:00Z (Sunday).
    static let newYear2022 = Date(timeIntervalSince1970: 1_640_995_200)
    static let january2of2022 = Date(timeIntervalSince1970: 1_641_081_600)
}
