using System.CommandLine;
using System.Data.Common;
using Chatbot.Clinic.Feedback;
using Chatbot.Faq.Dataset;

namespace Chatbot.Cli;

/// <summary>
/// Reads the answer feedback for <c>chatbot evaluate</c> from the bot's database, found as the bookings commands find
/// it (<c>--db</c>, <c>--provider</c>, <c>--connection</c>). A database the user named must be readable (otherwise an
/// error and exit code 1, before the slow cross-validation); the default database may be missing (a clone without a
/// running bot): the report is still produced, without feedback.
/// </summary>
internal static class FeedbackSource
{
    /// <summary>The outcome of reading: failed (an error was written), or the report (null: none, a note was written).</summary>
    /// <param name="Failed">True when the command must stop with exit code 1.</param>
    /// <param name="Report">The feedback, or null when there is none to read.</param>
    public sealed record Outcome(bool Failed, FeedbackReport? Report);

    public static async Task<Outcome> ReadAsync(
        CliContext context, BookingDatabase database, ParseResult result, int days, FaqDataset dataset, CancellationToken cancellationToken)
    {
        var named = result.GetValue(database.Db) is { Length: > 0 };
        if (!database.UsesPostgres(result) && !named && database.ResolvePath(result) is var path && !File.Exists(path))
        {
            context.Error.WriteLine($"no feedback database found at {path}; the report has no answer feedback (pass --db to read another file).");
            return new Outcome(false, null);
        }

        var stores = database.OpenStores(context, result, missing => $"no feedback database at {missing}; check --db, or leave it out to use the bot's default database.");
        if (stores is null)
        {
            return new Outcome(true, null);
        }

        try
        {
            var period = await AnswerFeedbackPeriod.ReadAsync(stores.Feedback, context.TimeProvider.GetUtcNow(), days, cancellationToken);
            context.Error.WriteLine($"Answer feedback of the last {days} days read from {stores.Location}: {period.Total} votes.");
            return new Outcome(false, FeedbackReport.From(period, stores.Location, dataset));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // A locked or newer-schema SQLite file, an unreachable server: say which, and stop before the slow part.
            context.Error.WriteLine($"error: could not read answer feedback from {stores.Location}: {ex.Message}");
            return new Outcome(true, null);
        }
    }
}
