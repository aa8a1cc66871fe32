using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Api.Models;
using Nop.Plugin.Misc.Gameball.Services.Outbox;

namespace Nop.Plugin.Misc.Gameball.Services.Cashback;

/// <summary>
/// Settles an unanswered cashback or refund by the customer's ledger (<c>GET /transactions?customerId=</c>,
/// fact sheet §2.13), where it shows under the id the plugin sent once it landed. Past
/// <see cref="MaxProbePages"/> pages it cannot tell, and the resend's duplicate answer (9004, fact sheet
/// §1.3, §1.6) settles it.
/// </summary>
public class CustomerLedgerProbe
{
    public const int PageSize = 200;
    public const int MaxProbePages = 5;

    private readonly IGameballApiClient _apiClient;

    public CustomerLedgerProbe(IGameballApiClient apiClient)
    {
        _apiClient = apiClient;
    }

    /// <returns>The result, and the ledger's transaction when it landed.</returns>
    public async Task<(OutboxProbeResult Result, LedgerTransaction? Landed)> FindAsync(string customerId, string transactionId, OutboxPass pass, CancellationToken cancellationToken)
    {
        var startAfter = "0";
        for (var page = 0; page < MaxProbePages; page++)
        {
            var transactions = await _apiClient.GetCustomerTransactionsAsync(pass.Credentials, customerId, startAfter, PageSize, pass.Policy, cancellationToken);
            if (transactions.Transactions?.FirstOrDefault(t => t.TransactionId == transactionId) is { } landed)
                return (OutboxProbeResult.Landed, landed);

            if (transactions.HasMore != true || transactions.Transactions?.LastOrDefault()?.GameballTransactionId is not { } last)
                return (OutboxProbeResult.NotLanded, null);
            startAfter = last;
        }

        return (OutboxProbeResult.Unknown, null);
    }
}
