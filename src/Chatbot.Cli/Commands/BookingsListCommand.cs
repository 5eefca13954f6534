using System.CommandLine;
using Spectre.Console;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot bookings list</c>: the newest booking requests as a table (or JSON), optionally redacted.</summary>
internal static class BookingsListCommand
{
    public static Command Create(CliContext context)
    {
        var database = new BookingDatabase();
        var status = new Option<BookingStatus?>("--status")
        {
            Description = "Only requests with this status.",
            HelpName = BookingFormat.StatusHelp,
            CustomParser = r => BookingsCommand.ParseStatus(r),
        };
        var limit = BookingsCommand.LimitOption("requests");
        var redact = new Option<bool>("--redact") { Description = "Mask names (initials), phones (last 2 digits) and e-mails (first letter and domain), e.g. for screen sharing." };
        var json = new Option<bool>("--json") { Description = "Print the requests as JSON (nothing else on stdout)." };
        var command = new Command("list", "List booking requests, newest first: reference, received (clinic time), reason, contact details, preferred times, status.");
        database.AddTo(command);
        command.Options.Add(status);
        command.Options.Add(limit);
        command.Options.Add(redact);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
        {
            var db = database.Open(context, result);
            return db is null
                ? Task.FromResult(ExitCodes.Failed)
                : RunAsync(context, BookingDatabase.Store(db), result.GetValue(status), result.GetValue(limit), result.GetValue(redact), result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IBookingStore store, BookingStatus? status, int limit, bool redact, bool json, CancellationToken cancellationToken)
    {
        var requests = await store.ListAsync(status, limit, cancellationToken);
        if (redact)
        {
            requests = [.. requests.Select(BookingFormat.Redact)];
        }

        if (json)
        {
            CliJson.Write(context.Output, requests.Select(r => new
            {
                r.Reference,
                r.CreatedAt,
                r.Reason,
                r.Name,
                r.Phone,
                r.Email,
                r.PreferredTimes,
                r.Channel,
                r.ViaLink,
                r.Status,
                r.StatusChangedAt,
                r.StatusChangedBy,
            }));
            return ExitCodes.Ok;
        }

        var which = status is { } s ? $" with status {BookingFormat.Name(s)}" : string.Empty;
        if (requests.Count == 0)
        {
            context.Output.WriteLine($"No booking requests{which}.");
            return ExitCodes.Ok;
        }

        var zone = BookingFormat.ClinicTimeZone.Id;
        // Contact details and references are copied from here: keep them on one line; let the prose columns wrap.
        var table = new Table()
            .Title($"Booking requests{which}, newest first (times in {zone})")
            .AddColumn(new TableColumn("Reference").NoWrap())
            .AddColumn(new TableColumn("Received").NoWrap())
            .AddColumn(new TableColumn("Reason"))
            .AddColumn(new TableColumn("Name"))
            .AddColumn(new TableColumn("Phone").NoWrap())
            .AddColumn(new TableColumn("Email").NoWrap())
            .AddColumn(new TableColumn("Preferred times"))
            .AddColumn(new TableColumn("Status").NoWrap())
            .AddColumn(new TableColumn("Changed by / at"));
        foreach (var r in requests)
        {
            // Text, not markup: names and preferred times are typed by patients.
            table.AddRow(
                new Text(r.Reference),
                new Text(BookingFormat.LocalTime(r.CreatedAt)),
                new Text(BookingFormat.Reason(r.Reason) + (r.ViaLink ? " (online scheduler)" : string.Empty)),
                new Text(BookingFormat.OrMissing(r.Name)),
                new Text(BookingFormat.OrMissing(r.Phone)),
                new Text(BookingFormat.OrMissing(r.Email)),
                new Text(BookingFormat.OrMissing(r.PreferredTimes)),
                new Text(BookingFormat.Name(r.Status)),
                new Text($"{r.StatusChangedBy} / {BookingFormat.LocalTime(r.StatusChangedAt)}"));
        }

        context.CreateConsole().Write(table);
        context.Output.WriteLine($"{requests.Count} request(s){(requests.Count == limit ? $" (the newest {limit}; use --limit for more)" : string.Empty)}.");
        return ExitCodes.Ok;
    }
}
