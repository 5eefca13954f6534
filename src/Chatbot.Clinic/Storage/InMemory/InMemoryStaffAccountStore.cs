using Chatbot.Clinic.Staff;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Staff accounts in process memory: tests and throwaway demos (<c>Chatbot:Storage:Provider = InMemory</c>).</summary>
public sealed class InMemoryStaffAccountStore : IStaffAccountStore
{
    private readonly Dictionary<string, StaffAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.TryAdd(account.UserName, account));
        }
    }

    /// <inheritdoc />
    public Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.GetValueOrDefault(userName));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StaffAccount> list = [.. _accounts.Values.OrderBy(a => a.UserName, StringComparer.OrdinalIgnoreCase)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<StaffAccount?> RecordFailureAsync(string userName, int maxFailures, DateTimeOffset lockoutUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(userName, out var account))
            {
                return Task.FromResult<StaffAccount?>(null);
            }

            var failures = account.FailedSignIns + 1;
            account = failures >= maxFailures
                ? account with { FailedSignIns = 0, LockedOutUntil = lockoutUntil }
                : account with { FailedSignIns = failures };
            _accounts[account.UserName] = account;
            return Task.FromResult<StaffAccount?>(account);
        }
    }

    /// <inheritdoc />
    public Task RecordSuccessAsync(string userName, DateTimeOffset at, string? newPasswordHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_accounts.TryGetValue(userName, out var account))
            {
                _accounts[account.UserName] = account with
                {
                    FailedSignIns = 0,
                    LockedOutUntil = null,
                    LastSignInAt = at,
                    PasswordHash = newPasswordHash ?? account.PasswordHash,
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(userName, out var account))
            {
                return Task.FromResult(false);
            }

            _accounts[account.UserName] = account with { FailedSignIns = 0, LockedOutUntil = null };
            return Task.FromResult(true);
        }
    }
}
