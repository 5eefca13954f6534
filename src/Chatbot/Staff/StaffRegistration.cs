using Chatbot.Staff.Accounts;
using Chatbot.Staff.Editing;
using Chatbot.Staff.Feedback;
using Chatbot.Staff.Publishing;
using Chatbot.Staff.Unanswered;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Staff;

/// <summary>Registers the staff page (called from <c>AddChatbot</c>) and maps it (called from <c>MapChatbot</c>).</summary>
internal static class StaffRegistration
{
    /// <summary>
    /// Adds <see cref="StaffOptions"/>, the editor, the unanswered-question inbox, publishing, cookie sign-in (plus Microsoft Entra ID when
    /// <c>Chatbot:Staff:Oidc</c> is configured), anti-forgery and the Razor Pages under <c>Staff/Pages</c>.
    /// </summary>
    public static IHostApplicationBuilder AddStaffPages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IFaqFileStore, AtomicFaqFileStore>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<FaqEditor>();
        services.AddSingleton<UnansweredInbox>();
        services.TryAddSingleton<StaffFeedback>();
        services.AddSingleton<StaffImporter>();
        services.TryAddSingleton<IStaffPublisher, FaqPublishingStaffPublisher>();

        // Which schemes exist is decided once, from configuration; their settings come from validated options.
        var oidc = builder.Configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>()?.Oidc ?? new StaffOidcOptions();
        var relaxed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = StaffAuthentication.CookieScheme;
                options.DefaultChallengeScheme = oidc.IsConfigured ? StaffAuthentication.OidcScheme : StaffAuthentication.CookieScheme;
            })
            .AddCookie(StaffAuthentication.CookieScheme);
        services.AddSingleton<StaffSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(StaffAuthentication.CookieScheme)
            .Configure<IOptions<StaffOptions>, StaffSessionStore>((options, staff, sessions) =>
            {
                StaffCookies.Configure(options, staff.Value, relaxed);
                options.SessionStore = sessions;
            });
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(StaffAuthentication.OidcScheme, _ => { });
            services.AddOptions<OpenIdConnectOptions>(StaffAuthentication.OidcScheme)
                .Configure<IOptions<StaffOptions>>((options, staff) => StaffEntraId.Configure(options, staff.Value.Oidc));
        }

        services.AddAuthorization(options => options.AddPolicy(StaffAuthentication.Policy, policy =>
        {
            policy.AddAuthenticationSchemes(StaffAuthentication.CookieScheme).RequireAuthenticatedUser();
            if (oidc.IsConfigured && !string.IsNullOrWhiteSpace(oidc.RequiredRole))
            {
                policy.RequireRole(oidc.RequiredRole);
            }
        }));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = StaffAuthentication.AntiforgeryCookieName;
            options.Cookie.Path = StaffAuthentication.BasePath;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = relaxed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Staff/Pages";
            options.Conventions.AuthorizeFolder("/", StaffAuthentication.Policy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/Denied");
        });
        return builder;
    }

    /// <summary>Authentication, authorization and the staff pages (<c>/staff…</c>).</summary>
    public static WebApplication MapStaffPages(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
