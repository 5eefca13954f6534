using System.Globalization;
using Chatbot.Conversation;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Pages;

/// <summary><c>/staff/audit</c>: the most recent audit records.</summary>
public sealed class AuditModel(IStaffAuditLog audit, ClinicClock clock) : StaffPageModel
{
    /// <summary>The records shown.</summary>
    public IReadOnlyList<StaffAuditRecord> Records { get; private set; } = [];

    /// <summary>Lists the newest 200 records, of one entry when <paramref name="entry"/> is given.</summary>
    public async Task OnGetAsync(string? entry, CancellationToken cancellationToken) =>
        Records = await audit.ListAsync(string.IsNullOrWhiteSpace(entry) ? null : entry, 200, cancellationToken);

    /// <summary>A time in the clinic's time zone.</summary>
    public string LocalTime(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
