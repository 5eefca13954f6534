namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>
/// The schema of one store's tables as numbered migrations: <c>Migrations[0]</c> creates version 1, each later entry
/// moves to the next version. Versions are recorded per table in <c>schema_version</c>, so a table changes without
/// touching the others. A migration runs once; version 1 uses <c>IF NOT EXISTS</c> so databases created before
/// versioning are adopted as they are.
/// </summary>
/// <param name="Table">The name the version is recorded under.</param>
/// <param name="Migrations">SQL per version, in order. Never edit a released one: append.</param>
internal sealed record SqliteTableSchema(string Table, params IReadOnlyList<string> Migrations)
{
    /// <summary>Every store's schema, in the order they are applied.</summary>
    public static IReadOnlyList<SqliteTableSchema> All =>
    [
        SqliteConversationStateStore.Schema,
        SqliteUnansweredQuestionStore.Schema,
        SqliteDirectLineTranscriptStore.Schema,
        SqliteBookingStore.Schema,
        SqliteNotificationOutbox.Schema,
        SqliteTeamsConversationStore.Schema,
        SqliteHandoffIndex.Schema,
        SqliteStaffAccountStore.Schema,
        SqliteStaffAuditLog.Schema,
        SqliteUnansweredReviewStore.Schema,
        SqliteLiveHandoffStore.Schema,
        SqliteDataProtectionKeyStore.Schema,
        SqliteStaffSessionStore.Schema,
        SqliteAnswerFeedbackStore.Schema,
    ];

    /// <summary>The version this build's code expects.</summary>
    public int Version => Migrations.Count;
}
