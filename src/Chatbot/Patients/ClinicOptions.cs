using System.ComponentModel.DataAnnotations;

namespace Chatbot.Patients;

/// <summary>Facts about the clinic that the bot and its web page show: from configuration, never hard-coded.</summary>
public sealed class ClinicOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Clinic";

    /// <summary>The clinic's name.</summary>
    /// <value>The default is <c>Pain &amp; Spine Institute</c>.</value>
    [Required]
    public string Name { get; set; } = "Pain & Spine Institute";

    /// <summary>The bot's display name.</summary>
    /// <value>The default is <c>Clinic Assistant</c>.</value>
    [Required]
    public string BotName { get; set; } = "Clinic Assistant";

    /// <summary>The clinic's phone number as patients should dial it.</summary>
    [Required]
    public string Phone { get; set; } = "(312) 555-0100";

    /// <summary>Opening hours in words, as shown to patients, with the time zone (visitors may be elsewhere).</summary>
    /// <value>The default is <c>Monday to Friday, 8 am to 5 pm Central time</c>.</value>
    [Required]
    public string Hours { get; set; } = "Monday to Friday, 8 am to 5 pm Central time";

    /// <summary>The city the clinic is in.</summary>
    /// <value>The default is <c>Chicago</c>.</value>
    [Required]
    public string City { get; set; } = "Chicago";

    /// <summary>IANA time zone of the clinic.</summary>
    /// <value>The default is <c>America/Chicago</c>.</value>
    [Required]
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>
    /// The short name of <see cref="TimeZone"/> shown after every time patients and staff read (<c>8:00 AM CT</c>):
    /// a time without a zone misleads anyone who is not in the clinic's.
    /// </summary>
    /// <value>The default is <c>CT</c> (US Central).</value>
    [Required]
    [StringLength(12, MinimumLength = 1)]
    public string TimeZoneAbbreviation { get; set; } = "CT";

    /// <summary>Days the clinic is open (patients can only ask for these).</summary>
    /// <value>The default is Monday to Friday.</value>
    public IList<DayOfWeek> OpenDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Opening time on open days (clinic time zone).</summary>
    /// <value>The default is 08:00.</value>
    public TimeOnly OpensAt { get; set; } = new(8, 0);

    /// <summary>Closing time on open days (clinic time zone).</summary>
    /// <value>The default is 17:00.</value>
    public TimeOnly ClosesAt { get; set; } = new(17, 0);

    /// <summary>Dates the clinic is closed although they fall on an open day.</summary>
    public IList<DateOnly> ClosedDates { get; set; } = [];

    /// <summary>How soon staff call back after a booking request, in words for patients.</summary>
    /// <value>The default is <c>within one business day</c>.</value>
    [Required]
    public string CallbackTime { get; set; } = "within one business day";

    /// <summary>Intents offered as buttons in the welcome message (ids from faq-data).</summary>
    public IList<string> WelcomeSuggestions { get; set; } =
        ["faq/what_is_ketamine", "faq/infusion_duration", "faq/conditions_treated", "booking/appointment", "handoff/human"];
}
