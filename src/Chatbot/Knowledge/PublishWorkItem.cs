using Chatbot.Faq.Publishing;

namespace Chatbot.Knowledge;

/// <summary>One queued piece of work; a waiting publish takes over the trigger and user of a later explicit request.</summary>
internal sealed class PublishWorkItem(PublishWorkKind kind, PublishTrigger trigger, string user)
{
    public PublishWorkKind Kind { get; } = kind;

    public PublishTrigger Trigger { get; set; } = trigger;

    public string User { get; set; } = user;

    public TaskCompletionSource<PublishReport?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
