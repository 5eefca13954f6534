using System.CommandLine;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot bookings set-status REF STATUS --by NAME</c>: records what staff did, following the workflow.</summary>
internal static class BookingsSetStatusCommand
{
    public static Command Create(CliContext context)
    {
        var database = new BookingDatabase();
        var reference = new Argument<string>("reference") { Description = "The request's reference, e.g. PSI-7KQ3XM." };
        var status = new Argument<BookingStatus>("status")
        {
            Description = "The new status. Workflow: new → contacted → booked / cancelled; booked can still be cancelled.",
            HelpName = BookingFormat.StatusHelp,
            CustomParser = BookingsCommand.ParseStatus,
        };
        var by = new Option<string>("--by") { Description = "Who made the change (staff name, kept in the request's history).", Required = true, HelpName = "staff name" };
        by.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && string.IsNullOrWhiteSpace(r.Tokens[0].Value))
            {
                r.AddError("--by must name the staff member.");
            }
        });
        var command = new Command("set-status", "Change a booking request's status (e.g. after calling the patient); the change is kept in its history with who and when.");
        database.AddTo(command);
        command.Arguments.Add(reference);
        command.Arguments.Add(status);
        command.Options.Add(by);
        command.SetAction((result, cancellationToken) =>
        {
            var db = database.Open(context, result);
            return db is null
                ? Task.FromResult(ExitCodes.Failed)
                : RunAsync(context, BookingDatabase.Store(db), result.GetValue(reference) ?? string.Empty, result.GetValue(status), (result.GetValue(by) ?? string.Empty).Trim(), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IBookingStore store, string reference, BookingStatus status, string by, CancellationToken cancellationToken)
    {
        reference = reference.Trim();
        var current = await store.GetAsync(reference, cancellationToken);
        if (current is null && !string.Equals(reference, reference.ToUpperInvariant(), StringComparison.Ordinal))
        {
            reference = reference.ToUpperInvariant();
            current = await store.GetAsync(reference, cancellationToken);
        }

        if (current is null)
        {
            context.Error.WriteLine($"error: there is no booking request {reference}. Check the reference with 'chatbot bookings list'.");
            return ExitCodes.Failed;
        }

        BookingRequest? updated;
        try
        {
            updated = await store.SetStatusAsync(reference, status, by, context.TimeProvider.GetUtcNow(), cancellationToken);
        }
        catch (InvalidBookingStatusChangeException ex)
        {
            context.Error.WriteLine($"error: {reference} was not changed. {ex.Message} Allowed: new → contacted → booked / cancelled; booked → cancelled.");
            return ExitCodes.Failed;
        }

        if (updated is null)
        {
            context.Error.WriteLine($"error: there is no booking request {reference}.");
            return ExitCodes.Failed;
        }

        context.Output.WriteLine(
            $"{updated.Reference}: {BookingFormat.Name(current.Status)} → {BookingFormat.Name(updated.Status)} " +
            $"(by {updated.StatusChangedBy}, {BookingFormat.LocalTime(updated.StatusChangedAt)} {BookingFormat.ClinicTimeZone.Id}).");
        return ExitCodes.Ok;
    }
}
