using FormArchive.Archive.Fonds;
using FormArchive.Archive.Storage;

namespace FormArchive.Api.Settings;

/// <summary>
/// Where the service keeps its archive, from configuration: FormArchive:S3:Endpoint / AccessKey / SecretKey /
/// Bucket / UseSsl (or, when those are absent, the FORMARCHIVE_S3_* environment the command line also reads) and
/// FormArchive:RetentionMode / RetentionYears (or FORMARCHIVE_RETENTION_*), and the issuing units' fonds settings
/// FormArchive:Fonds:Default:* and FormArchive:Fonds:Units:{乡镇或立卷单位}:* (FondsName, FondsCode, CatalogNo,
/// RetentionPeriod, Classification), or else the JSON file FormArchive:FondsFile / FORMARCHIVE_FONDS names. Configuration rather than process
/// environment, so that two apps in one process — the local and the S3 test servers — each have their own store.
/// </summary>
public static class ArchiveSettings
{
    public static S3StoreOptions? S3(IConfiguration config)
    {
        var s3 = config.GetSection("FormArchive:S3");
        if (string.IsNullOrWhiteSpace(s3["Endpoint"])) return S3StoreOptions.FromEnvironment();
        var options = new S3StoreOptions
        {
            Endpoint = s3["Endpoint"]!, AccessKey = s3["AccessKey"] ?? "", SecretKey = s3["SecretKey"] ?? "", UseSsl = s3.GetValue("UseSsl", false),
        };
        return string.IsNullOrWhiteSpace(s3["Bucket"]) ? options : options with { Bucket = s3["Bucket"]! };
    }

    public static RetentionPolicy Retention(IConfiguration config) => RetentionPolicy.Parse(
        config["FormArchive:RetentionMode"] ?? Environment.GetEnvironmentVariable("FORMARCHIVE_RETENTION_MODE"),
        config["FormArchive:RetentionYears"] ?? Environment.GetEnvironmentVariable("FORMARCHIVE_RETENTION_YEARS"));

    public static FondsRegistry Fonds(IConfiguration config)
    {
        var section = config.GetSection("FormArchive:Fonds");
        if (!section.Exists())
            return config["FormArchive:FondsFile"] is { Length: > 0 } file ? FondsRegistry.FromJson(file) : FondsRegistry.FromEnvironment();
        // As in the settings file, a key the settings do not have is refused rather than silently ignored.
        static void Known(IConfigurationSection s, IReadOnlyList<string> names, string where)
        {
            foreach (var child in s.GetChildren())
                if (FondsRegistry.UnknownKey(child.Key, names, where) is { } problem) throw new InvalidOperationException("FormArchive:Fonds 设置有误：" + problem);
        }
        Known(section, FondsRegistry.SectionNames, "");
        Known(section.GetSection("Default"), FondsUnit.SettingNames, "Default");
        foreach (var unit in section.GetSection("Units").GetChildren()) Known(unit, FondsUnit.SettingNames, "Units." + unit.Key);
        static FondsUnit? Unit(IConfigurationSection s) => s.Exists()
            ? new FondsUnit
            {
                FondsName = s["FondsName"], FondsCode = s["FondsCode"], CatalogNo = s["CatalogNo"], RetentionPeriod = s["RetentionPeriod"],
                Classification = s["Classification"],
            }
            : null;
        return new FondsRegistry(Unit(section.GetSection("Default")),
            section.GetSection("Units").GetChildren().ToDictionary(u => u.Key, u => Unit(u)!));
    }
}
