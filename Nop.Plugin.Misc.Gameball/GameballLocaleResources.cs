namespace Nop.Plugin.Misc.Gameball;

/// <summary>
/// Every English string the plugin shows, installed as nopCommerce locale resources.
/// A test checks that each resource key used in code and views is listed here.
/// </summary>
public static class GameballLocaleResources
{
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>
    {
        ["Plugins.Misc.Gameball.Fields.ApiKey"] = "API key",
        ["Plugins.Misc.Gameball.Fields.ApiKey.Hint"] = "The API key of your Gameball workspace (Gameball dashboard > Settings > Admin settings > Account integration).",
        ["Plugins.Misc.Gameball.Fields.ApiKey.Required"] = "Enter the API key of your Gameball workspace.",
        ["Plugins.Misc.Gameball.Fields.SecretKey"] = "Secret key",
        ["Plugins.Misc.Gameball.Fields.SecretKey.Hint"] = "The secret key of your Gameball workspace. It is stored on the server only and never shown again; leave the field empty to keep the saved key.",
        ["Plugins.Misc.Gameball.Fields.SecretKey.Required"] = "Enter the secret key of your Gameball workspace.",
        ["Plugins.Misc.Gameball.Fields.SecretKey.IsSet"] = "A secret key is saved.",
        ["Plugins.Misc.Gameball.Fields.SecretKey.NotSet"] = "No secret key is saved.",
        ["Plugins.Misc.Gameball.Fields.ApiBaseUrl"] = "API base URL",
        ["Plugins.Misc.Gameball.Fields.ApiBaseUrl.Hint"] = "Gameball's API address. Leave the default unless Gameball tells you otherwise.",
        ["Plugins.Misc.Gameball.Fields.ApiBaseUrl.Https"] = "The API base URL must be an absolute https:// address.",
        ["Plugins.Misc.Gameball.Fields.ApiVersion"] = "API version",
        ["Plugins.Misc.Gameball.Fields.ApiVersion.Hint"] = "v4.0, or v4.1 (secure integration mode: the secret key is sent on every call).",
        ["Plugins.Misc.Gameball.Fields.ApiVersion.Invalid"] = "Choose v4.0 or v4.1.",
        ["Plugins.Misc.Gameball.Fields.EnableOrderTracking"] = "Track paid orders",
        ["Plugins.Misc.Gameball.Fields.EnableOrderTracking.Hint"] = "Send every paid order to Gameball so shoppers earn cashback under your program.",
        ["Plugins.Misc.Gameball.Fields.TrackGuestOrders"] = "Track guest orders",
        ["Plugins.Misc.Gameball.Fields.TrackGuestOrders.Hint"] = "Also send orders placed without an account; Gameball keeps their points until the shopper registers.",
        ["Plugins.Misc.Gameball.Fields.EnableRefundSync"] = "Reverse refunds and cancellations",
        ["Plugins.Misc.Gameball.Fields.EnableRefundSync.Hint"] = "Reverse the cashback of refunded (fully or partially), cancelled and deleted orders in Gameball.",
        ["Plugins.Misc.Gameball.Fields.EnableProductPreview"] = "Show points on product pages",
        ["Plugins.Misc.Gameball.Fields.EnableProductPreview.Hint"] = "Show \"Buy this and earn N points\" on product pages, as computed by Gameball for the shopper.",
        ["Plugins.Misc.Gameball.Fields.ProductPreviewWidgetZone"] = "Product page widget zone",
        ["Plugins.Misc.Gameball.Fields.ProductPreviewWidgetZone.Hint"] = "Where on the product page the points preview renders.",
        ["Plugins.Misc.Gameball.Fields.EnableCartPreview"] = "Show points in the cart",
        ["Plugins.Misc.Gameball.Fields.EnableCartPreview.Hint"] = "Show \"You will earn N points with this order\" in the cart and on checkout confirmation.",
        ["Plugins.Misc.Gameball.Fields.EnableManualCashback"] = "Manual cashback",
        ["Plugins.Misc.Gameball.Fields.EnableManualCashback.Hint"] = "Let admins award cashback for non-order actions from the customer page.",
        ["Plugins.Misc.Gameball.Fields.RequestTimeout"] = "Request timeout (seconds)",
        ["Plugins.Misc.Gameball.Fields.RequestTimeout.Hint"] = "How long a background call to Gameball may take before it is retried later.",
        ["Plugins.Misc.Gameball.Fields.RequestTimeout.Range"] = "Enter a timeout from 1 to 120 seconds.",
        ["Plugins.Misc.Gameball.Fields.PreviewRequestTimeoutMilliseconds"] = "Preview timeout (milliseconds)",
        ["Plugins.Misc.Gameball.Fields.PreviewRequestTimeoutMilliseconds.Hint"] = "How long a points preview may wait for Gameball before it is left out of the page.",
        ["Plugins.Misc.Gameball.Fields.PreviewRequestTimeoutMilliseconds.Range"] = "Enter a timeout from 100 to 10000 milliseconds.",
        ["Plugins.Misc.Gameball.Fields.PreviewCacheTtlSeconds"] = "Preview cache (seconds)",
        ["Plugins.Misc.Gameball.Fields.PreviewCacheTtlSeconds.Hint"] = "How long a computed points preview is reused for the same shopper, product, price and quantity.",
        ["Plugins.Misc.Gameball.Fields.PreviewCacheTtlSeconds.Range"] = "Enter a cache time from 0 to 86400 seconds.",
        ["Plugins.Misc.Gameball.Fields.MaxSyncAttempts"] = "Attempts before failing",
        ["Plugins.Misc.Gameball.Fields.MaxSyncAttempts.Hint"] = "After this many failed attempts an order or refund is marked failed and waits for you in the sync log.",
        ["Plugins.Misc.Gameball.Fields.MaxSyncAttempts.Range"] = "Enter a number of attempts from 1 to 50.",
        ["Plugins.Misc.Gameball.Preview.Product"] = "Buy this and earn {0} points",
        ["Plugins.Misc.Gameball.Preview.Cart"] = "You will earn {0} points with this order",
        ["Plugins.Misc.Gameball.Preview.Campaign"] = "Includes {0}.",
        ["Plugins.Misc.Gameball.Preview.CampaignEnds"] = "Includes {0}, until {1}.",
    };
}
