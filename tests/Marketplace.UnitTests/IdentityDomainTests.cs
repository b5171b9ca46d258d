using Marketplace.Contracts.Identity;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;

namespace Marketplace.UnitTests;

public sealed class IdentityDomainTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private static OrganisationDetails Vendor(string? brn = "71845203", SizeClass? size = SizeClass.Startup) =>
        new(OrganisationType.Vendor, "Harbourlight Vision Limited", "港光視覺有限公司", brn, size);

    [Theory]
    [InlineData("71845203", true)]
    [InlineData("7184520", false)]
    [InlineData("718452031", false)]
    [InlineData("7184-520", false)]
    [InlineData("ABCDEFGH", false)]
    public void A_vendor_needs_an_8_digit_business_registration_number(string brn, bool valid)
    {
        var errors = Vendor(brn).Check();
        Assert.Equal(valid, !errors.For("businessRegistrationNumber").Any());
    }

    [Fact]
    public void A_vendor_needs_a_size_class_and_other_organisations_carry_neither_number_nor_size()
    {
        Assert.NotEmpty(Vendor(size: null).Check().For("sizeClass"));
        var department = new OrganisationDetails(OrganisationType.Department, "Transport Department", "運輸署", "12345678", SizeClass.Large).Check();
        Assert.NotEmpty(department.For("businessRegistrationNumber"));
        Assert.NotEmpty(department.For("sizeClass"));
        Assert.NotEmpty(new OrganisationDetails(OrganisationType.Chamber, "Chamber", "Chamber", null, null).Check().For("nameZh"));
    }

    [Fact]
    public void A_self_registered_vendor_is_pending_until_approved_and_each_step_announces_itself()
    {
        var (vendor, registered) = Organisation.Register(Vendor(), approved: false, s_now);
        Assert.Equal(OrganisationStatus.Pending, vendor.Status);
        Assert.Equal(new OrganisationRegistered(vendor.Id, OrganisationType.Vendor, "Harbourlight Vision Limited", "港光視覺有限公司", "71845203", SizeClass.Startup, OrganisationStatus.Pending, s_now), registered);
        Assert.False(vendor.IsActive);

        var approved = vendor.Approve(s_now.AddHours(1));
        Assert.Equal(new OrganisationApproved(vendor.Id, OrganisationType.Vendor, s_now.AddHours(1)), approved);
        Assert.True(vendor.IsActive);
        Assert.Equal("organisation-not-pending", Assert.Throws<DomainRuleException>(() => vendor.Approve(s_now)).Code);
        Assert.Equal("organisation-not-pending", Assert.Throws<DomainRuleException>(() => vendor.Reject("late", s_now)).Code);

        var suspended = vendor.Suspend("Security review", s_now.AddDays(1));
        Assert.Equal(OrganisationStatus.Suspended, suspended.Status);
        Assert.Equal("organisation-not-approved", Assert.Throws<DomainRuleException>(() => vendor.Suspend("again", s_now)).Code);
        Assert.Equal(OrganisationStatus.Approved, vendor.Reinstate(s_now.AddDays(2)).Status);
        Assert.Equal("organisation-not-suspended", Assert.Throws<DomainRuleException>(() => vendor.Reinstate(s_now)).Code);
    }

    [Fact]
    public void An_organisations_type_cannot_change()
    {
        var (vendor, _) = Organisation.Register(Vendor(), approved: true, s_now);
        var asChamber = new OrganisationDetails(OrganisationType.Chamber, "Harbourlight", "港光", null, null);
        Assert.Equal("organisation-type-fixed", Assert.Throws<DomainRuleException>(() => vendor.Change(asChamber, s_now)).Code);
        var renamed = vendor.Change(Vendor() with { NameEn = "Harbourlight Vision (HK) Limited", SizeClass = SizeClass.SME }, s_now.AddDays(1));
        Assert.Equal(("Harbourlight Vision (HK) Limited", (SizeClass?)SizeClass.SME, OrganisationStatus.Approved), (renamed.NameEn, renamed.SizeClass, renamed.Status));
    }

    [Fact]
    public void Each_kind_of_organisation_allows_its_own_roles()
    {
        Assert.Equal([Roles.DepartmentOfficer], OrganisationRoles.AllowedFor(OrganisationType.Department));
        Assert.Equal([Roles.FundingOfficer, Roles.Assessor], OrganisationRoles.AllowedFor(OrganisationType.FundingBody));
        Assert.DoesNotContain(Roles.Admin, OrganisationRoles.AllowedFor(OrganisationType.Vendor));
        Assert.Contains(Roles.Admin, OrganisationRoles.AllowedFor(null));
    }

    [Fact]
    public void A_retired_signing_key_stays_published_until_its_tokens_have_expired_and_is_then_forgotten()
    {
        var key = SigningKey.Create("k1", "-----BEGIN PRIVATE KEY-----", s_now);
        key.Retire(s_now.AddDays(90), TimeSpan.FromMinutes(20));
        Assert.True(key.IsPublished(s_now.AddDays(90).AddMinutes(19)));
        Assert.False(key.IsPublished(s_now.AddDays(90).AddMinutes(20)));
        key.Forget();
        Assert.Equal("", key.PrivateKeyPem);
        Assert.False(key.IsPublished(s_now));
    }

    [Fact]
    public void An_invitation_is_used_once_before_it_expires_and_only_its_hash_is_kept()
    {
        var (invitation, code) = Invitation.Create(Guid.NewGuid(), "someone@vendor.test", Roles.Vendor, manager: false, "inviter", s_now, TimeSpan.FromDays(7));
        Assert.NotEqual(code, invitation.CodeHash);
        Assert.True(Secrets.Matches(code, invitation.CodeHash));
        Assert.False(Secrets.Matches(code + "x", invitation.CodeHash));
        Assert.False(invitation.IsOpen(s_now.AddDays(7)));
        invitation.Accept(s_now.AddDays(1));
        Assert.Equal("invitation-not-usable", Assert.Throws<DomainRuleException>(() => invitation.Accept(s_now.AddDays(2))).Code);
        Assert.Equal("invitation-not-usable", Assert.Throws<DomainRuleException>(() => invitation.Withdraw(s_now.AddDays(2))).Code);
    }
}
