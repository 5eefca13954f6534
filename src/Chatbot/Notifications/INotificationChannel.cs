using Chatbot.Clinic.Notifications;
namespace Chatbot.Notifications;

/// <summary>
/// One way staff notifications reach people (a signed webhook, a Teams channel). The
/// <see cref="NotificationDispatcher"/> delivers every due outbox item to every configured channel.
/// </summary>
/// <remarks>
/// Delivery is at least once: when any channel fails, the item is retried on all channels, so receivers
/// should ignore a <see cref="StaffNotification.Id"/> they have already seen.
/// </remarks>
public interface INotificationChannel
{
    /// <summary>A short name for logs and diagnostics, e.g. <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>True when the channel has what it needs to deliver; unconfigured channels are skipped.</summary>
    bool IsConfigured { get; }

    /// <summary>Delivers one notification.</summary>
    /// <exception cref="Exception">Any exception means "not delivered": the item is kept and retried later.</exception>
    Task DeliverAsync(StaffNotification notification, CancellationToken cancellationToken);
}
