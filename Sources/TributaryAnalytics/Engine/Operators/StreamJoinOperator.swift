import TributarySQL

/// Two streams joined over time windows (`FROM a JOIN b OVER (RANGE INTERVAL '1' MINUTE PRECEDING) ON …`): rows
/// `l` and `r` pair when `l.ROWTIME - rightWindow ≤ r.ROWTIME ≤ l.ROWTIME + leftWindow` and the condition holds.
/// Each pair is emitted once, when the later of the two arrives, as `[later ROWTIME, l…, r…]`. Each side keeps only
/// the rows a future row of the other side can still pair with.
final class StreamJoinOperator {
    /// The sink one side of the join writes into.
    final class Port: RowSink {
        let join: StreamJoinOperator
        let isLeft: Bool

        init(join: StreamJoinOperator, isLeft: Bool) {
            self.join = join
            self.isLeft = isLeft
        }

        func push(_ row: [SQLValue]) { join.arrive(row, fromLeft: isLeft) }
        func advance(to rowTime: Int64) { join.advance(to: rowTime, fromLeft: isLeft) }
    }

    let leftWindowMs: Int64
    let rightWindowMs: Int64
    let condition: CompiledExpression?
    let environment: OperatorEnvironment
    let downstream: RowSink
    private var left = Deque<[SQLValue]>()
    private var right = Deque<[SQLValue]>()
    private var leftWatermark = Int64.min
    private var rightWatermark = Int64.min
    /// The sinks the two sides write into; they keep the join alive (it keeps no reference back).
    var leftPort: Port { Port(join: self, isLeft: true) }
    var rightPort: Port { Port(join: self, isLeft: false) }

    init(leftWindowMs: Int64, rightWindowMs: Int64, condition: CompiledExpression?, environment: OperatorEnvironment,
         downstream: RowSink) {
        self.leftWindowMs = leftWindowMs
        self.rightWindowMs = rightWindowMs
        self.condition = condition
        self.environment = environment
        self.downstream = downstream
    }

    func arrive(_ row: [SQLValue], fromLeft: Bool) {
        let rowTime = row.rowTime
        let others = fromLeft ? right.elements : left.elements
        for other in others {
            let otherTime = other.rowTime
            let inWindow = fromLeft
                ? (otherTime >= rowTime - rightWindowMs && otherTime <= rowTime + leftWindowMs)
                : (rowTime >= otherTime - rightWindowMs && rowTime <= otherTime + leftWindowMs)
            guard inWindow else { continue }
            let joined = [SQLValue.timestamp(milliseconds: max(rowTime, otherTime))]
                + (fromLeft ? row + other : other + row)
            do {
                if let condition, try condition.evaluate(joined, environment.context(for: joined)) != .boolean(true) {
                    continue
                }
                downstream.push(joined)
            } catch {
                environment.reportError(error, row: joined)
            }
        }
        if fromLeft { left.append(row) } else { right.append(row) }
    }

    func advance(to rowTime: Int64, fromLeft: Bool) {
        if fromLeft { leftWatermark = max(leftWatermark, rowTime) } else { rightWatermark = max(rightWatermark, rowTime) }
        let watermark = min(leftWatermark, rightWatermark)
        guard watermark > .min else { return }
        // A left row pairs with right rows up to leftWindow later; a right row with left rows up to rightWindow later.
        while let oldest = left.first, oldest.rowTime + leftWindowMs < watermark { left.removeFirst() }
        while let oldest = right.first, oldest.rowTime + rightWindowMs < watermark { right.removeFirst() }
        downstream.advance(to: watermark)
    }
}
