using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.Gameball.Services;
using Nop.Plugin.Misc.Gameball.Services.Actions;
using Nop.Plugin.Misc.Gameball.Services.Admin;
using Nop.Plugin.Misc.Gameball.Services.Admin.SyncLog;
using Nop.Plugin.Misc.Gameball.Services.Api;
using Nop.Plugin.Misc.Gameball.Services.Backfill;
using Nop.Plugin.Misc.Gameball.Services.Cashback;
using Nop.Plugin.Misc.Gameball.Services.Orders;
using Nop.Plugin.Misc.Gameball.Services.Outbox;
using Nop.Plugin.Misc.Gameball.Services.Preview;
using Nop.Plugin.Misc.Gameball.Services.Profiles;
using Nop.Plugin.Misc.Gameball.Services.Redemption;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Services.Widget;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Misc.Gameball.Infrastructure;

/// <summary>
/// Registers the plugin's services with nopCommerce's container.
/// </summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GameballRateLimits.Documented);
        services.TryAddSingleton(WebFarmTiming.Default);
        services.AddSingleton<WebFarmMembership>();
        services.AddScoped<WebFarmRegistry>();
        // before the dispatcher: whether the store runs as a farm is known before anything is sent
        services.AddHostedService<WebFarmHeartbeat>();
        services.AddSingleton<GameballRateLimiter>();
        services.AddSingleton<GameballResilience>();
        services.AddHttpClient<GameballHttpClient>().WithProxy();
        services.AddScoped<IGameballApiClient, GameballApiClient>();

        services.AddSingleton<OutboxQueue>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddScoped<OutboxRunner>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<OutboxClaims>();
        services.AddScoped<OutboxSweep>();

        services.AddScoped<StateAttributes>();
        services.AddScoped<DuplicateStateRows>();
        services.AddScoped<OrderSyncStateStore>();
        services.AddScoped<OrderSnapshotLoader>();
        services.AddScoped<TrackOrderHandler>();
        services.AddScoped<OrderReversalHandler>();
        services.AddScoped<IOutboxSource, OrderOutboxSource>();
        services.AddScoped<OrderSyncProcessor>();

        services.AddScoped<CashbackAwardStore>();
        services.AddScoped<CustomerLedgerProbe>();
        services.AddScoped<ManualCashbackHandler>();
        services.AddScoped<ActionRewardStore>();
        services.AddScoped<ActionOccurrenceFinder>();
        services.AddScoped<ActionRewardHandler>();
        services.AddScoped<ActionRewardProcessor>();
        services.AddScoped<ActionSweepFinder>();
        services.AddScoped<ProfileStore>();
        services.AddScoped<ProfileHandler>();
        services.AddScoped<CustomerProfileProcessor>();
        services.AddSingleton<ProfileChangeFilter>();
        services.AddScoped<IOutboxSource, CustomerOutboxSource>();
        services.AddSingleton<RedemptionRulesCache>();
        services.AddScoped<RedemptionStore>();
        services.AddScoped<RedemptionGiftCards>();
        services.AddScoped<PointsHoldEndings>();
        services.AddScoped<HoldHandler>();
        services.AddScoped<HoldStepHandler>();
        services.AddScoped<RedemptionProcessor>();
        services.AddScoped<RedemptionService>();
        services.AddScoped<RedemptionPresenter>();
        services.Configure<MvcOptions>(options => options.Filters.Add<RedemptionConfirmFilter>());
        services.Configure<MvcOptions>(options => options.Filters.Add<ReferralCaptureFilter>());

        services.AddSingleton<PreviewCache>();
        services.AddSingleton<PreviewFailureLog>();
        services.AddSingleton<PreviewClientLimiter>();
        services.AddScoped<PreviewPricing>();
        services.AddScoped<PointsPreviewService>();
        services.AddScoped<PreviewPresenter>();

        services.AddScoped<BackfillStore>();
        services.AddScoped<BackfillService>();
        services.AddHostedService<BackfillWorker>();
        services.AddSingleton<GameballCallTracker>();
        services.AddSingleton<GameballNumbersCache>();
        services.AddScoped<GameballNumbers>();
        services.AddScoped<GameballSettingsEditor>();
        services.AddScoped<ConnectionTester>();
        services.AddScoped<ISyncLogSource, OrderSyncLogSource>();
        services.AddScoped<ISyncLogSource, ManualCashbackSyncLogSource>();
        services.AddScoped<ISyncLogSource, ActionRewardSyncLogSource>();
        services.AddScoped<ISyncLogSource, ProfileSyncLogSource>();
        services.AddScoped<ISyncLogSource, PointsHoldSyncLogSource>();
        services.AddScoped<SyncLogModelFactory>();
        services.AddScoped<ManualCashbackService>();

        // nopCommerce registers it too; the widget reads the sign-in's expiry from the request
        services.AddHttpContextAccessor();
        services.TryAddSingleton(GameballWidgetScript.Gameball);
        services.AddSingleton<WidgetTokenFailureLog>();
        services.AddSingleton<SessionTokenCache>();
        services.AddScoped<GameballWidgetService>();

        services.AddScoped<GameballWidgetZones>();
        services.AddScoped<GameballSyncTask>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
