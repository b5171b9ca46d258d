namespace Marketplace.Talent.Domain;

/// <summary>
/// How a programme's fee is shared, as data: the Government pays <see cref="GovernmentShare"/> parts
/// for every <see cref="EnterpriseShare"/> parts the enterprise pays (1 : 1 is half the fee), up to
/// <see cref="CapPerEnterprisePerYearHkd"/> per enterprise per financial year, counted across every
/// programme of the same <see cref="SchemeCode"/> (the New Industrialisation and Technology Training
/// Programme's shape: NITTP, 2 : 1, HK$250,000).
/// </summary>
public sealed record SubsidyRule(string SchemeCode, int GovernmentShare, int EnterpriseShare, decimal CapPerEnterprisePerYearHkd);
