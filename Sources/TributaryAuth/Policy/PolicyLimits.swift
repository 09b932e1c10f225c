/// Every bound the policy code puts on what it reads, with its reason.
enum PolicyLimits {
    /// Kinesis's limit on a resource policy (PutResourcePolicy) and the most any policy text may hold here; IAM's
    /// own limits on identity policies are lower (2,048 inline, 6,144 managed characters).
    static let policyBytesMax = 20_480
    /// The longest Action or Resource pattern: AWS's longest ARN (ResourceARN members allow 2,048). It also bounds
    /// matching cost, which grows with pattern length times ARN length.
    static let patternScalarsMax = 2_048
}
