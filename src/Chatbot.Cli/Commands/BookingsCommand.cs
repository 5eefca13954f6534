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
        return new Option<int>("--limit") { Description = $"Show at most this many {what} (1-1000).", DefaultValueFactory = _ => 50, HelpName = "n" }
            .InRange(1, 1000);
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
