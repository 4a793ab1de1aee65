using System.Data.Common;
using Orleans.Configuration;

namespace SoSucKhoe.Silo.Storage;

/// <summary>Registers the Orleans ADO.NET grain storage providers shared by both storage profiles.</summary>
internal static class AdoNetProviders
{
    /// <summary>
    /// Registers one grain storage per name. Connections come from <paramref name="dataSource"/> when given (one
    /// shared data source), otherwise from <paramref name="connectionString"/>.
    /// </summary>
    public static ISiloBuilder AddGrainStorages(
        ISiloBuilder builder,
        string invariant,
        string connectionString,
        IReadOnlyCollection<string> providerNames,
        DbDataSource? dataSource = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(providerNames);
        if (providerNames.Count == 0)
        {
            throw new ArgumentException("Name at least one grain storage provider.", nameof(providerNames));
        }

        foreach (var name in providerNames)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(providerNames));
            builder.AddAdoNetGrainStorage(name, (AdoNetGrainStorageOptions options) =>
            {
                options.Invariant = invariant;
                if (dataSource is null)
                {
                    options.ConnectionString = connectionString;
                }
                else
                {
                    options.DataSource = dataSource;
                }
            });
        }

        return builder;
    }
}
