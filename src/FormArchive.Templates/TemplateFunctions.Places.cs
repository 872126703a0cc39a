using FormArchive.Domain;
using Scriban.Runtime;

namespace FormArchive.Templates;

/// <summary>Template functions for place names printed before a suffix label (<see cref="PlaceName"/>).</summary>
public static partial class TemplateFunctions
{
    private static void ImportPlaceFunctions(ScriptObject so)
    {
        so.Import("township_name", new Func<object?, string>(TownshipName));
        so.Import("village_name", new Func<object?, string>(VillageName));
    }

    /// <summary><c>township_name(x)</c>: 尧渡镇 → 尧渡, for printing before 乡镇（街道）; blank → "".</summary>
    public static string TownshipName(object? name) => PlaceName.Township(name as string ?? name?.ToString());

    /// <summary><c>village_name(x)</c>: 永丰村 → 永丰, for printing before 村（居）/村（社区）; blank → "".</summary>
    public static string VillageName(object? name) => PlaceName.Village(name as string ?? name?.ToString());
}
