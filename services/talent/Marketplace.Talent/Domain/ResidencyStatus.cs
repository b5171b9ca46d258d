namespace Marketplace.Talent.Domain;

/// <summary>The basis on which a talent may work in Hong Kong.</summary>
public enum ResidencyStatus
{
    PermanentResident,
    NonPermanentResident,
    /// <summary>Admitted under the Technology Talent Admission Scheme (TechTAS).</summary>
    TechnologyTalentAdmissionScheme,
    /// <summary>Admitted under the Top Talent Pass Scheme (TTPS).</summary>
    TopTalentPassScheme,
    GeneralEmploymentPolicy,
    AdmissionSchemeForMainlandTalents,
    QualityMigrantAdmissionScheme,
    ImmigrationArrangementsForNonLocalGraduates,
    Dependant,
    NeedsWorkPermit,
}
