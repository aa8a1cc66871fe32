namespace Nop.Services.Helpers;

public partial interface IDateTimeHelper
{
    Task<DateTime> ConvertToUserTimeAsync(DateTime dt, DateTimeKind sourceDateTimeKind);

    DateTime ConvertToUtcTime(DateTime dt, TimeZoneInfo sourceTimeZone);

    Task<TimeZoneInfo> GetCurrentTimeZoneAsync();
}
