using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Security;

public static class AccountsSetup
{
    /// <summary>API clients present a bearer token from <c>POST /api/v1/auth/token</c>.</summary>
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>Pages use the staff sign-in cookie, the API bearer tokens; this scheme picks by path.</summary>
    private const string CookieOrBearer = "CookieOrBearer";

    /// <summary>Fixed, with no refresh token: a client signs in again each hour (docs/api.md).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// ASP.NET Core Identity in the product's own database, with OWASP ASVS 5.0 password rules
    /// (6.2.1: at least 12 characters, 6.2.9: up to 128, 6.2.5: no composition rules, 6.2.4 and
    /// 6.2.11: nothing easy to guess, <see cref="GuessablePasswordValidator"/>), lockout
    /// after 5 failed sign-ins from one client network (<see cref="SignInLockout"/>), a cookie
    /// for pages, bearer tokens for the API, and one policy per staff role (<see cref="StaffPolicies"/>).
    /// </summary>
    public static void AddUnvAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Failures are counted per account and client network (SignInLockout); these
                // apply only where Identity itself locks, which the app never asks it to.
                options.Lockout.MaxFailedAccessAttempts = SignInLockout.MaxFailures;
                options.Lockout.DefaultLockoutTimeSpan = SignInLockout.Duration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<UnvDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddErrorDescriber<IdentityErrorText>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddPasswordValidator<GuessablePasswordValidator>();

        var cookies = SiteCookies.AddUnvCookies(builder);
        var lifetime = builder.AddSettings<SessionLifetime>(SessionLifetime.Section);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            // A refusal is a 403 with the friendly error page (status code pages re-execute it),
            // not a redirect: the address stays, and tests and scripts see what happened.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // The handler builds an absolute address from the request's Host header, which the
            // client writes; a relative one sends the reader back to wherever they are.
            options.Events.OnRedirectToLogin = context =>
            {
                var address = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
                context.Response.Redirect(address.IsAbsoluteUri ? address.PathAndQuery : context.RedirectUri);
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = lifetime.Enforce(options.Events.OnValidatePrincipal);
            options.Cookie.Name = cookies.Staff;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = lifetime.Idle;
            options.SlidingExpiration = true;
        });

        // Identity re-reads the account behind a cookie this often; a disabled account is signed out then.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultForbidScheme = CookieOrBearer;
            })
            .AddBearerToken(BearerScheme, options => options.BearerTokenExpiration = TokenLifetime)
            .AddPolicyScheme(CookieOrBearer, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api") ? BearerScheme : IdentityConstants.ApplicationScheme);

        services.AddScoped<IAuthorizationHandler, CurrentAccountHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RevokedCredentialResult>();
        services.AddAuthorization(options =>
        {
            foreach (var policy in StaffPolicies.Lowest.Keys)
            {
                options.AddPolicy(policy, p => p
                    .RequireAuthenticatedUser()
                    .RequireRole(StaffPolicies.RolesFor(policy))
                    .AddRequirements(new CurrentAccountRequirement()));
            }
        });
        services.AddScoped<SignInLockout>();
        builder.AddSignInRateLimits();
    }
}
