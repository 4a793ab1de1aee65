using System.Data.Common;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

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

            // Grain state is written with Orleans' own binary serializer: every state type is [GenerateSerializer], so the
            // format is compact, versioned by [Id], fast, and free of the JSON serializer's runtime type names.
            builder.Services.AddOptions<AdoNetGrainStorageOptions>(name).Configure<Serializer>((options, serializer) =>
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }

        return builder;
    }
}
