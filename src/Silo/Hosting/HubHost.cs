using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Orleans.Configuration;
using Serilog;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoSucKhoe.Api;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Health;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Grains;
using SoSucKhoe.Grains.Patients;
using SoSucKhoe.Grains.Security;
using SoSucKhoe.Silo.Logging;
using SoSucKhoe.Silo.Security.Audit;
using SoSucKhoe.Silo.Storage;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// Builds the hub: one Orleans silo that co-hosts the gRPC API (a call is a local grain call), the HTTP endpoints and, in the
/// embedded default, the gateway emulator it forwards to.
/// </summary>
public static class HubHost
{
    /// <summary>Builds the application from command-line arguments, configuration files and environment variables.</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--Hub:GrpcUrl=http://127.0.0.1:6080</c>.</param>
    /// <param name="configure">A last chance to change the builder (tests add in-memory configuration here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("SOSUCKHOE_");
        configure?.Invoke(builder);

        // Every setting is checked before anything is opened, bound or activated, and all problems are reported at once.
        var problems = new List<string>();
        var hub = HubSettingsCheck.Read(builder.Configuration, problems);
        var catalogues = CatalogueLoader.Load(
            builder.Configuration.GetSection(CatalogueOptions.SectionName).Get<CatalogueOptions>() ?? new CatalogueOptions(),
            out var catalogueProblems);
        problems.AddRange(catalogueProblems);
        if (catalogues is not null)
        {
            // Every standard a dossier can be validated against must have somewhere to go.
            var gateway = builder.Configuration.GetSection(Forwarding.Gateway.GatewayOptions.SectionName).Get<Forwarding.Gateway.GatewayOptions>()
                ?? new Forwarding.Gateway.GatewayOptions();
            problems.AddRange(catalogues.Standards.Standards
                .Where(standard => gateway.EndpointsOf(standard.Id) is null)
                .Select(standard => $"{Forwarding.Gateway.GatewayOptions.SectionName}:Endpoints:{standard.Id}: the standards catalogue lists {standard.Name} ({standard.Decision}) but no gateway endpoints (CheckInPath, DossierPath) are configured for it."));
        }

        if (problems.Count > 0 || hub is null || catalogues is null)
        {
            throw new HubStartupException(problems);
        }

        var cluster = hub.IsCluster;
        var dataDirectory = Path.GetFullPath(hub.DataDirectory);
        DataFolderLock? folderLock = null;
        if (!cluster)
        {
            // Taken before the storage is opened: a second hub on the same folder would serve stale state.
            folderLock = DataFolderLock.TryAcquire(dataDirectory, out var lockProblem) ?? throw new HubStartupException([lockProblem!]);
        }

        try
        {
            var app = Build(builder, hub, catalogues, dataDirectory, folderLock);
            folderLock = null;
            return app;
        }
        finally
        {
            folderLock?.Dispose();
        }
    }

    private static WebApplication Build(WebApplicationBuilder builder, HubOptions hub, Catalogues catalogues, string dataDirectory,
        DataFolderLock? folderLock)
    {
        var problems = HubSettingsCheck.PortsInUse(hub);
        if (problems.Count > 0)
        {
            throw new HubStartupException(problems);
        }

        builder.Services.Configure<HubOptions>(builder.Configuration.GetSection(HubOptions.SectionName));
        ConfigureLogging(builder, hub);
        var cluster = hub.IsCluster;
        var tls = hub.TlsCertificatePath is { Length: > 0 }
            ? X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(hub.TlsCertificatePath), hub.TlsCertificatePassword)
            : null;
        var grpcEndpoint = HubSettingsCheck.Endpoint(hub.GrpcUrl);
        var httpEndpoint = HubSettingsCheck.Endpoint(hub.HttpUrl);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(grpcEndpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (tls is not null)
                {
                    listen.UseHttps(tls, https =>
                    {
                        https.ClientCertificateMode = hub.AllowClientCertificates
                            ? ClientCertificateMode.AllowCertificate
                            : ClientCertificateMode.NoCertificate;
                        // Facility certificates are often self-issued: trust is decided by the exact registered thumbprint.
                        https.ClientCertificateValidation = (_, _, _) => true;
                    });
                }
            });
            kestrel.Listen(httpEndpoint, listen => listen.Protocols = HttpProtocols.Http1);
            // Plain HTTP bodies; gRPC requests have it lifted by UseMessageSizeLimits, which checks each message against the limit.
            kestrel.Limits.MaxRequestBodySize = hub.MaxMessageBytes + (64 * 1024);
        });

        string connection;
        if (cluster)
        {
            connection = hub.PostgresConnectionString!;
            builder.Services.AddPostgresAuditTrail(connection, builder.Configuration[HubSettingsCheck.AuditSubjectKey]!);
        }
        else
        {
            connection = PrepareEmbedded(dataDirectory);
            builder.Services.AddSingleton(_ => folderLock!);
            builder.Services.AddSqliteAuditTrail(connection,
                AuditSubjectKeyFile.LoadOrCreate(Path.Combine(dataDirectory, AuditSubjectKeyFile.DefaultFileName)));
            builder.Services.PostConfigure<SecurityOptions>(options =>
                options.GeneratedAdminKeyFile ??= Path.Combine(dataDirectory, "admin.key"));
            ConfigureEmbeddedSecrets(builder, dataDirectory);
        }

        builder.UseOrleans(silo => ConfigureSilo(silo, hub, cluster, connection));
        // Readiness of the host's own parts; the API adds liveness, catalogues, serving and the intake's admission.
        var storageConnection = connection;
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HubHealth.Ready])
            .Add(new HealthCheckRegistration(
                "storage",
                services => cluster
                    ? StorageHealthCheck.Postgres(storageConnection)
                    : StorageHealthCheck.Embedded(services.GetRequiredKeyedService<SqliteGrainStore>(storageConnection)),
                HealthStatus.Unhealthy,
                [HubHealth.Ready],
                TimeSpan.FromSeconds(5)));
        builder.Services.AddSoSucKhoeGrains(builder.Configuration);
        builder.Services.AddSoSucKhoeApi(builder.Configuration, hub.MaxMessageBytes, catalogues);
        if (hub.HostsGatewayEmulator)
        {
            EmbeddedGatewayEmulator.AddTo(builder);
        }

        var app = builder.Build();
        if (folderLock is not null)
        {
            // Resolved now so that the container owns it: disposing the application releases the folder.
            app.Services.GetRequiredService<DataFolderLock>();
        }

        HubSettingsCheck.ValidateOptions(app.Services);

        // First, so that a message above the limit is answered from its frame header before anything reads it.
        app.UseMessageSizeLimits(hub.MaxMessageBytes, "Hub:MaxMessageBytes");
        app.MapSoSucKhoeApi($"*:{grpcEndpoint.Port}");
        // Liveness and readiness apart: /healthz/live (restart only when it fails), /healthz/ready and /healthz (send traffic only
        // while it answers 200); grpc.health.v1 on the gRPC port answers the same readiness per service name.
        app.MapHubHealthChecks($"*:{httpEndpoint.Port}");
        if (hub.HostsGatewayEmulator)
        {
            EmbeddedGatewayEmulator.MapOn(app, httpEndpoint.Port);
        }

        return app;
    }

    private static void ConfigureSilo(ISiloBuilder silo, HubOptions hub, bool cluster, string connection)
    {
        if (cluster)
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = hub.ClusterId;
                options.ServiceId = "sosuckhoe";
            });
            silo.ConfigureEndpoints(hub.SiloPort, hub.ClientGatewayPort);
            silo.AddPostgresSchemaMigration(connection);
            silo.UsePostgresClustering(connection);
            silo.UsePostgresReminders(connection);
            silo.AddPostgresGrainStorage(connection, StorageNames.Main);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort: hub.SiloPort, gatewayPort: hub.ClientGatewayPort);
            silo.Configure<EndpointOptions>(options =>
            {
                options.AdvertisedIPAddress = IPAddress.Loopback;
                options.GatewayPort = hub.ClientGatewayPort;
            });
            silo.AddEmbeddedGrainStorage(connection, StorageNames.Main);
        }

        if (!CachedGrainInterfaceTypeProvider.Replace(silo.Services))
        {
            throw new InvalidOperationException("Orleans' attribute grain interface type provider was not registered; check the Orleans version.");
        }

        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigureCacheEviction(eviction => eviction.Configure(options =>
        {
            // An entry is purged once it has been in the cache this long and is this much older than the newest entry.
            options.DataMinTimeInCache = hub.ForwardStreamRetention;
            options.DataMaxAgeInCache = hub.ForwardStreamRetention;
        })));
        silo.Configure<GrainCollectionOptions>(options =>
        {
            // Idle activations are collected once per quantum: a shorter quantum keeps the citizens' grains close to their age.
            // Orleans requires every collection age to exceed the quantum.
            var quantum = TimeSpan.FromSeconds(20);
            options.CollectionQuantum = hub.PersonIdleDeactivation > quantum * 2 ? quantum : hub.PersonIdleDeactivation / 2;
            foreach (var personGrain in new[] { typeof(PatientGrain), typeof(IdentityLinkGrain) })
            {
                options.ClassSpecificCollectionAge[personGrain.FullName!] = hub.PersonIdleDeactivation;
            }

            // Under memory pressure, idle grains go before their age is up (see HubOptions.ShedIdleGrainsAbovePercent).
            if (hub.ShedIdleGrainsAbovePercent > 0)
            {
                options.EnableActivationSheddingOnMemoryPressure = true;
                options.MemoryUsageLimitPercentage = hub.ShedIdleGrainsAbovePercent;
                options.MemoryUsageTargetPercentage = hub.ShedIdleGrainsToPercent;
            }
        });
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, HubOptions hub)
    {
        // Personal data are masked by property name and by content (enricher + destructuring policy), then once more over the
        // rendered output of every sink (exceptions, grain ids inside messages): never a full ID, card number or name in logs.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .UsePersonalDataMasking();
            if (hub.JsonLogs || hub.IsCluster)
            {
                logger.WriteTo.Console(PersonalDataLogging.MaskedCompactJson());
            }
            else
            {
                logger.WriteTo.Console(PersonalDataLogging.MaskedText(formatProvider: CultureInfo.InvariantCulture));
            }
        });
    }

    /// <summary>
    /// Stored secrets (gateway passwords) are encrypted with a key kept beside the database unless Secrets:Key or Secrets:KeyFile
    /// names one; the file is created at the first start, readable by the hub's user only.
    /// </summary>
    private static void ConfigureEmbeddedSecrets(WebApplicationBuilder builder, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["Secrets:Key"]))
        {
            return;
        }

        var keyFile = builder.Configuration["Secrets:KeyFile"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(dataDirectory, SecretKeyFile.DefaultFileName);
        SecretKeyFile.Load(keyFile, create: true);
        builder.Services.PostConfigure<SecretsOptions>(options =>
        {
            options.KeyFile = keyFile;
            options.CreateKeyFileIfMissing = true;
        });
    }

    private static string PrepareEmbedded(string dataDirectory)
    {
        var connection = EmbeddedStorage.Prepare(dataDirectory);
        if (!OperatingSystem.IsWindows())
        {
            // Health data and keys live here: only the hub's user may enter the folder.
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return connection;
    }
}
