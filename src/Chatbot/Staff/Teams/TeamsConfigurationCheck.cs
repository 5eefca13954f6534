using Chatbot.BotFramework.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.Staff.Teams;

/// <summary>
/// Says at start-up what the Teams settings mean, and warns when they shut everyone out: with an app id and no
/// <see cref="TeamsOptions.AllowedTenantIds"/>, every Teams tenant is refused. Without an app id Teams is off (no
/// Teams request can be authenticated).
/// </summary>
public sealed partial class TeamsConfigurationCheck(
    IOptions<TeamsOptions> options,
    IOptions<BotFrameworkAuthenticationOptions> identity,
    ILogger<TeamsConfigurationCheck> logger) : IHostedService
{
    /// <summary>Logs the findings; returns true when the configuration refuses every tenant.</summary>
    public bool Check()
    {
        var teams = options.Value;
        var refusesEveryone = false;
        var tenants = teams.AllowedTenantIds.Count(t => !string.IsNullOrWhiteSpace(t));
        if (identity.Value.IsAnonymous)
        {
            Log.TeamsOff(logger);
            refusesEveryone = true;
        }
        else if (tenants == 0)
        {
            Log.NoTenants(logger);
            refusesEveryone = true;
        }
        else
        {
            Log.Tenants(logger, tenants);
        }

        if (teams.StaffUserObjectIds.Count + teams.StaffTeamIds.Count > 0)
        {
            Log.StaffGroup(logger, teams.StaffUserObjectIds.Count, teams.StaffTeamIds.Count);
        }

        if (!string.IsNullOrWhiteSpace(teams.NotificationChannelId))
        {
            Log.NotificationChannel(logger);
        }

        return refusesEveryone;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Check();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: MicrosoftAppId is set but Chatbot:Teams:AllowedTenantIds is empty, so EVERY Microsoft Teams tenant is refused and nobody gets staff answers or commands. Set Chatbot__Teams__AllowedTenantIds__0 to the clinic's Directory (tenant) ID.")]
        public static partial void NoTenants(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Teams: no MicrosoftAppId, so no Teams request can be authenticated and nobody is staff in Teams (the staff page still works)")]
        public static partial void TeamsOff(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Teams: {Count} allowed tenant(s); users there are staff, other tenants are refused")]
        public static partial void Tenants(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Information, Message = "Teams: staff commands are limited to {Users} listed user(s) and the channels of {Teams} listed team(s)")]
        public static partial void StaffGroup(ILogger logger, int users, int teams);

        [LoggerMessage(Level = LogLevel.Information, Message = "Teams: booking requests and hand-offs are posted to the configured staff channel (Chatbot:Teams:NotificationChannelId)")]
        public static partial void NotificationChannel(ILogger logger);
    }
}
