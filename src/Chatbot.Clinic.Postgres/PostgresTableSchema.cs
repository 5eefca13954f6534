namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// The schema of one store's tables as numbered migrations (the PostgreSQL twin of the SQLite provider's
/// <c>SqliteTableSchema</c>): <c>Migrations[0]</c> creates version 1, each later entry moves to the next version.
/// Versions are recorded per table in <c>schema_version</c>, so a table changes without touching the others.
/// </summary>
/// <param name="Table">The name the version is recorded under.</param>
/// <param name="Migrations">SQL per version, in order. Never edit a released one: append.</param>
internal sealed record PostgresTableSchema(string Table, params IReadOnlyList<string> Migrations)
{
    /// <summary>Every store's schema, in the order they are applied.</summary>
    public static IReadOnlyList<PostgresTableSchema> All =>
    [
        PostgresConversationStateStore.Schema,
        PostgresUnansweredQuestionStore.Schema,
        PostgresDirectLineTranscriptStore.Schema,
        PostgresBookingStore.Schema,
        PostgresNotificationOutbox.Schema,
        PostgresTeamsConversationStore.Schema,
        PostgresHandoffIndex.Schema,
        PostgresStaffAccountStore.Schema,
        PostgresStaffAuditLog.Schema,
        PostgresUnansweredReviewStore.Schema,
        PostgresLiveHandoffStore.Schema,
        PostgresDataProtectionKeyStore.Schema,
        PostgresStaffSessionStore.Schema,
        PostgresAnswerFeedbackStore.Schema,
    ];

    /// <summary>The version this build's code expects.</summary>
    public int Version => Migrations.Count;
}
