using FormArchive.Casework.Stages;

namespace FormArchive.Api.Settings;

/// <summary>
/// The counties the service approves for, from FormArchive:Counties:{县}:Bureau, :Townships:0…, :Rules and :Confirms
/// (e.g. "临时救助=县"); without that section, the embedded ones (<see cref="Counties.Embedded"/>). A setting the service does
/// not understand stops it at start, in Chinese, rather than approving under the wrong rule.
/// </summary>
public static class CountySettings
{
    private static readonly string[] Known = ["Bureau", "Townships", "Rules", "Confirms"];

    public static Counties From(IConfiguration config)
    {
        var section = config.GetSection("FormArchive:Counties");
        if (!section.Exists()) return Counties.Embedded;
        try
        {
            return new Counties(section.GetChildren().Select(county =>
            {
                foreach (var key in county.GetChildren().Select(c => c.Key).Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
                    throw new ArgumentException($"县（区）“{county.Key}”的设置项“{key}”无法识别，可用的设置项为 {string.Join("、", Known)}。");
                var townships = county.GetSection("Townships") is { Value: { } list }
                    ? list.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : county.GetSection("Townships").GetChildren().Select(t => t.Value ?? "");
                return Counties.Parse(county.Key, county["Bureau"], townships, county["Rules"], county["Confirms"]);
            }));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("FormArchive:Counties 设置有误：" + e.Message, e);
        }
    }
}
