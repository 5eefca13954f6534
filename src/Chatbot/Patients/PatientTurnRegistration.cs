using Chatbot.BotFramework.Builder;
using Chatbot.Faq.Answering;
using Chatbot.Patients.Booking;
using Chatbot.Patients.Feedback;
using Chatbot.Patients.Handoff;
using Chatbot.Patients.Privacy;

namespace Chatbot.Patients;

/// <summary>Registers the patient's turn (called from <c>AddChatbot</c>).</summary>
internal static class PatientTurnRegistration
{
    /// <summary>
    /// Adds the bot and everything a patient's message passes through: the clinic and answer-policy options, the
    /// state and its turn runner, the router and the answers (with their 👍/👎 feedback), replies, audience and privacy, the booking dialog and the
    /// hand-off to a person (plain and live, with the sweeper that times unanswered requests out), and the turn error
    /// handler. The safety gate, the FAQ and the stores are registered by their own features.
    /// </summary>
    public static IServiceCollection AddPatientTurn(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnswerPolicyOptions>().BindConfiguration(AnswerPolicyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClinicClock>();
        services.AddSingleton<PersonalDataRedactor>();
        services.AddSingleton<ConversationPrivacy>();
        services.AddSingleton<BotReplies>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<ConversationStateAccessor>();
        services.AddSingleton<ConversationTurns>();
        services.AddSingleton<TurnRouter>();
        services.AddSingleton<PatientAnswers>();
        services.AddSingleton<AnswerFeedbackService>();
        services.AddBookingDialog();
        services.AddHandoff();
        services.AddSingleton<IBot, ClinicBot>();
        services.AddSingleton<ITurnErrorHandler, ClinicTurnErrorHandler>();
        return services;
    }
}
