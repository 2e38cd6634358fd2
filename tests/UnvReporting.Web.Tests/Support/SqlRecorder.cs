using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// Keeps the text of the SQL commands sent inside <see cref="RecordAsync{T}"/>, and only those: the
/// app's background work (cache eviction across instances) runs in other flows and is left out.
/// </summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    /// <summary>The commands <paramref name="action"/> sent, in order.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync<T>(Func<Task<T>> action)
    {
        var commands = new List<string>();
        _current.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            _current.Value = null;
        }

        return commands;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        return result;
    }

    private void Keep(DbCommand command)
    {
        if (_current.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.CommandText.ReplaceLineEndings("\n"));
            }
        }
    }
}
