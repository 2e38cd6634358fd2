using System.Reflection;
using UnvReporting.Web.Platform.Data;
using Xunit.Sdk;

namespace UnvReporting.Testing;

/// <summary>
/// Runs a theory once on SQLite and once on PostgreSQL: every test that touches data runs on
/// both real databases.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
