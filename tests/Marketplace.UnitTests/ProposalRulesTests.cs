using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Errors;

namespace Marketplace.UnitTests;

public sealed class ProposalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(30);

    private static ProposalContent Content(decimal price = 1_800_000m) =>
        new("Gradient-boosted model", price, 12, true, "Office hours", [new ProposedRole("Data scientist", "Senior", null)]);

    [Fact]
    public void The_receipt_covers_the_content_whatever_scale_the_database_returns_the_price_in()
    {
        Assert.Equal(Proposal.Hash(Content(1_800_000m)), Proposal.Hash(Content(1_800_000.00m)));
        Assert.NotEqual(Proposal.Hash(Content(1_800_000m)), Proposal.Hash(Content(1_800_001m)));
        Assert.Equal(64, Proposal.Hash(Content()).Length);
    }

    [Fact]
    public void A_proposal_is_submitted_withdrawn_and_changed_only_before_the_deadline()
    {
        var proposal = Proposal.Draft(Guid.NewGuid(), Guid.NewGuid(), "author", Content(), Now, Deadline);
        var (hash, submitted) = proposal.Submit(Now.AddDays(1), Deadline, 0);
        Assert.Equal(Proposal.Hash(Content()), hash);
        Assert.Equal(proposal.Id, submitted.ProposalId);
        Assert.Equal("proposal-already-submitted", Assert.Throws<DomainRuleException>(() => proposal.Submit(Now.AddDays(1), Deadline, 0)).Code);

        proposal.Edit(Content(2_000_000m), Now.AddDays(2), Deadline);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Null(proposal.ReceiptHash);
        proposal.Submit(Now.AddDays(3), Deadline, 0);
        Assert.Equal("deadline-passed", Assert.Throws<DomainRuleException>(() => proposal.Withdraw(Deadline, Deadline)).Code);
        Assert.Equal("deadline-passed", Assert.Throws<DomainRuleException>(() => proposal.Edit(Content(), Deadline.AddSeconds(1), Deadline)).Code);
    }

    [Fact]
    public void After_an_amendment_only_a_reconfirmed_proposal_counts_and_opening_verifies_the_receipt()
    {
        var proposal = Proposal.Draft(Guid.NewGuid(), Guid.NewGuid(), "author", Content(), Now, Deadline);
        proposal.Submit(Now.AddDays(1), Deadline, 0);
        Assert.False(proposal.Counts(1));
        proposal.Reconfirm(1, Now.AddDays(2), Deadline);
        Assert.True(proposal.Counts(1));
        Assert.True(proposal.Open(Deadline, Deadline));
        Assert.True(proposal.VerifiedAtOpening);
    }
}
