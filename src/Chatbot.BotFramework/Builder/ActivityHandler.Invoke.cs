using Chatbot.BotFramework.Schema;
using Newtonsoft.Json;

namespace Chatbot.BotFramework.Builder;

/// <content>Invoke activities: the HTTP response is the answer.</content>
public abstract partial class ActivityHandler
{
    /// <summary>
    /// An <c>invoke</c>. The default handles <c>adaptiveCard/action</c> (see <see cref="OnAdaptiveCardInvokeAsync"/>)
    /// and returns <see langword="null"/> for every other name, which the adapter answers with 501.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The invoke response, or <see langword="null"/> when this handler does not answer the invoke.</returns>
    /// <exception cref="InvokeResponseException">To answer with a given status, e.g. 400 for a malformed value.</exception>
    protected virtual async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!string.Equals(turnContext.Activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal))
        {
            return null;
        }

        var value = ReadAdaptiveCardInvokeValue(turnContext.Activity);
        var response = await OnAdaptiveCardInvokeAsync(turnContext, value, cancellationToken);
        return response is null ? null : new InvokeResponse(200, response);
    }

    /// <summary>
    /// An Adaptive Card <c>Action.Execute</c> (Teams Universal Actions). Return a replacement card
    /// (<see cref="AdaptiveCardInvokeResponse.Card"/>), a message (<see cref="AdaptiveCardInvokeResponse.Message"/>)
    /// or an error (<see cref="AdaptiveCardInvokeResponse.Error"/>); the adapter sends it with HTTP 200.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="invokeValue">The validated value: <c>action.type</c> is <c>Action.Execute</c>.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The response, or <see langword="null"/> (the default) to leave the invoke unhandled (501).</returns>
    protected virtual Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult<AdaptiveCardInvokeResponse?>(null);

    private async Task RunInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            var response = await OnInvokeActivityAsync(turnContext, cancellationToken);
            if (response is not null && turnContext.InvokeResponse is null)
            {
                turnContext.InvokeResponse = response;
            }
        }
        catch (InvokeResponseException exception)
        {
            turnContext.InvokeResponse = exception.CreateInvokeResponse();
        }
    }

    // Same checks and error bodies as the SDK's ActivityHandler.GetAdaptiveCardInvokeValue.
    private static AdaptiveCardInvokeValue ReadAdaptiveCardInvokeValue(Activity activity)
    {
        if (activity.Value is not Newtonsoft.Json.Linq.JObject json)
        {
            throw BadRequest("BadRequest", "Missing value property");
        }

        AdaptiveCardInvokeValue? value;
        try
        {
            value = json.ToObject<AdaptiveCardInvokeValue>(BotJson.Serializer);
        }
        catch (JsonException)
        {
            throw BadRequest("BadRequest", "Value property is not properly formed");
        }

        if (value?.Action is null)
        {
            throw BadRequest("BadRequest", "Missing action property");
        }

        if (!string.Equals(value.Action.Type, "Action.Execute", StringComparison.Ordinal))
        {
            throw BadRequest("NotSupported", $"The action '{value.Action.Type}' is not supported.");
        }

        return value;
    }

    private static InvokeResponseException BadRequest(string code, string message) =>
        new(400, AdaptiveCardInvokeResponse.Error(400, code, message));
}
