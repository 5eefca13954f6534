using System.CommandLine;
using System.CommandLine.Parsing;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot bookings …</c>: the staff's view of booking requests and their notifications.</summary>
internal static class BookingsCommand
{
    public static Command Create(CliContext context) => new("bookings", "Booking requests from the bot: list them, record what staff did, check undelivered notifications.")
    {
        BookingsListCommand.Create(context),
        BookingsSetStatusCommand.Create(context),
        BookingsNotificationsCommand.Create(context),
    };

    /// <summary>A <c>--limit</c> option (1-1000, default 50).</summary>
    public static Option<int> LimitOption(string what)
    {
        var limit = new Option<int>("--limit") { Description = $"Show at most this many {what} (1-1000).", DefaultValueFactory = _ => 50, HelpName = "n" };
        limit.Validators.Add(r =>
        {
            // Only range-check values that parse; the parser reports non-numbers itself.
            if (r.Tokens.Count == 1
                && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && value is < 1 or > 1000)
            {
                r.AddError("--limit must be between 1 and 1000.");
            }
        });
        return limit;
    }

    /// <summary>Parses a status token by name (new, contacted, booked, cancelled), reporting anything else as a usage error.</summary>
    public static BookingStatus ParseStatus(ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (BookingFormat.TryParseStatus(token, out var status))
        {
            return status;
        }

        result.AddError($"'{token}' is not a booking status; use one of {BookingFormat.StatusHelp}.");
        return default;
    }
}
