using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot bookings notifications</c>: staff notifications not delivered yet, with attempts and the last error.</summary>
internal static class BookingsNotificationsCommand
{
    public static Command Create(CliContext context)
    {
        var database = new BookingDatabase();
        var limit = BookingsCommand.LimitOption("notifications");
        var json = new Option<bool>("--json") { Description = "Print the items as JSON (nothing else on stdout)." };
        var command = new Command("notifications", "List staff notifications waiting in the outbox (not delivered yet): subject, attempts, next attempt, last error.");
        database.AddTo(command);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
        {
            var db = database.Open(context, result);
            return db is null
                ? Task.FromResult(ExitCodes.Failed)
                : RunAsync(context, BookingDatabase.Outbox(db), result.GetValue(limit), result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, INotificationOutbox outbox, int limit, bool json, CancellationToken cancellationToken)
    {
        var pending = await outbox.PendingAsync(limit, cancellationToken);
        if (json)
        {
            // No payload: it holds the patient's contact details, which 'bookings list' shows (and can redact).
            CliJson.Write(context.Output, pending.Select(i => new
            {
                i.Notification.Id,
                i.Notification.Kind,
                i.Notification.CreatedAt,
                i.Notification.Subject,
                i.Attempts,
                i.NextAttemptAt,
                i.LastError,
            }));
            return ExitCodes.Ok;
        }

        if (pending.Count == 0)
        {
            context.Output.WriteLine("No undelivered notifications.");
            return ExitCodes.Ok;
        }

        var table = new Table()
            .Title($"Undelivered staff notifications, oldest first (times in {BookingFormat.ClinicTimeZone.Id})")
            .AddColumns("Created", "Subject", "Attempts", "Next attempt", "Last error");
        foreach (var item in pending)
        {
            table.AddRow(
                new Text(BookingFormat.LocalTime(item.Notification.CreatedAt)),
                new Text(item.Notification.Subject),
                new Text(item.Attempts.ToString(CultureInfo.InvariantCulture)),
                new Text(BookingFormat.LocalTime(item.NextAttemptAt)),
                new Text(BookingFormat.OrMissing(item.LastError)));
        }

        context.CreateConsole().Write(table);
        context.Output.WriteLine($"{pending.Count} undelivered notification(s). With no channel configured (Chatbot:Notifications:WebhookUrl) they stay here; the requests are in 'chatbot bookings list'.");
        return ExitCodes.Ok;
    }
}
