using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Identity.Domain;

/// <summary>
/// An organisation's manager asks someone to join with a role. Only the SHA-256 of the one-time code
/// is stored; the code itself goes to the inviter once, to pass on to the invitee.
/// </summary>
public sealed class Invitation
{
    public static readonly LocalizedText NotUsable = new(
        "This invitation has expired, was withdrawn or has already been used; ask your organisation for a new one.",
        "此邀請已過期、已撤回或已被使用；請向所屬機構索取新的邀請。");

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Email { get; private set; } = "";

    public string Role { get; private set; } = "";

    public bool Manager { get; private set; }

    public string CodeHash { get; private set; } = "";

    public string InvitedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public static (Invitation Invitation, string Code) Create(
        Guid organisationId, string email, string role, bool manager, string invitedBy, DateTimeOffset now, TimeSpan validFor)
    {
        var code = Secrets.NewCode();
        return (new Invitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Email = email.Trim(),
            Role = role,
            Manager = manager,
            CodeHash = Secrets.Hash(code),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now.Add(validFor),
        }, code);
    }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainRuleException("invitation-not-usable", NotUsable);
        }
        AcceptedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainRuleException("invitation-not-usable", NotUsable);
        }
        WithdrawnAt = now;
    }
}
