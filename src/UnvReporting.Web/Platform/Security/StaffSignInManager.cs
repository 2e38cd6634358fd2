using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Identity's sign-in, refusing disabled accounts (they fail like a wrong password, without saying
/// why), and answering every failed attempt at the same moment after it began
/// (<see cref="FailureAnswerTime"/>), whatever the failure cost.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    TimeProvider clock,
    SignInLockout lockout)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>
    /// A failed attempt is answered this long after it began. An unknown address, a wrong password
    /// (which also writes the failure, <see cref="SignInLockout"/>), a locked and a disabled account
    /// do different work; equal hashing alone left the wrong password a few milliseconds slower,
    /// enough to tell from one request which addresses have accounts (docs/security.md). The time
    /// must stay above what the slowest failure costs, or the difference shows again: one hashing
    /// and a few writes take about 270 ms on a shared, busy 2-core machine, far less on a quiet
    /// one. Successes are not held back: a success already says the account exists.
    /// </summary>
    public static readonly TimeSpan FailureAnswerTime = TimeSpan.FromMilliseconds(500);

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    /// <summary>When this request's attempt began: the first call into this manager (it is scoped to the request).</summary>
    private long? _attemptStarted;

    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>An unknown account costs the same password hashing as a known one, so timing does not tell which addresses have accounts.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        _attemptStarted ??= Stopwatch.GetTimestamp();
        if (await UserManager.FindByNameAsync(userName) is null)
        {
            return await RefuseUnknownAccountAsync(password);
        }

        return await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>The answer for an address without an account: the hashing a real check does, at the time every failure is answered.</summary>
    public async Task<SignInResult> RefuseUnknownAccountAsync(string password)
    {
        _attemptStarted ??= Stopwatch.GetTimestamp();
        SpendHashingTime(password);
        return await AnswerFailureAsync(SignInResult.Failed);
    }

    /// <summary>
    /// A disabled account, or one locked for the client's network, is refused before its password
    /// is checked; the refusal still costs one password hashing, so its timing does not single out
    /// locked or disabled accounts. Failures are counted per account and client network
    /// (<see cref="SignInLockout"/>), in place of Identity's count per account.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(StaffUser user, string password, bool lockoutOnFailure)
    {
        _attemptStarted ??= Stopwatch.GetTimestamp();
        var result = await CheckAsync(user, password, lockoutOnFailure);
        return result.Succeeded ? result : await AnswerFailureAsync(result);
    }

    private async Task<SignInResult> CheckAsync(StaffUser user, string password, bool lockoutOnFailure)
    {
        var network = ClientNetwork.Of(Context.Connection.RemoteIpAddress);
        var refused = await PreSignInCheck(user);
        if (refused is null && await lockout.IsLockedOutAsync(user, network))
        {
            refused = SignInResult.LockedOut;
        }

        if (refused is not null)
        {
            SpendHashingTime(password);
            return refused;
        }

        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await lockout.ResetAsync(user, network);
        }
        else if (lockoutOnFailure && await lockout.RecordFailureAsync(user, network))
        {
            return SignInResult.LockedOut;
        }

        return result;
    }

    /// <summary>Every cookie sign-in records when it happened, for the absolute session lifetime (<see cref="SessionLifetime"/>).</summary>
    public override Task SignInWithClaimsAsync(StaffUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var properties = authenticationProperties ?? new AuthenticationProperties();
        SessionLifetime.StampSignIn(properties, clock.GetUtcNow());
        return base.SignInWithClaimsAsync(user, properties, additionalClaims);
    }

    private async Task<SignInResult> AnswerFailureAsync(SignInResult result)
    {
        // Task.Delay runs on a millisecond timer that can wake a fraction of a millisecond early
        // (CI once measured 499.3 ms), so wait again until the stopwatch agrees.
        TimeSpan left;
        while ((left = FailureAnswerTime - Stopwatch.GetElapsedTime(_attemptStarted!.Value)) > TimeSpan.Zero)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(1));
        }

        return result;
    }

    /// <summary>Verifies the password against a throwaway hash: the work a real check does, for a result that is thrown away.</summary>
    private void SpendHashingTime(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), DummyHash.Value, password);
}

/// <summary>OWASP ASVS 5.0 6.2: passwords of up to 128 characters are accepted, longer ones refused (no composition rules).</summary>
public sealed class MaxLengthPasswordValidator(IStringLocalizer<SharedResource> text) : IPasswordValidator<StaffUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = text["Passwords must be at most {0} characters.", MaxLength] })
            : IdentityResult.Success);
}
