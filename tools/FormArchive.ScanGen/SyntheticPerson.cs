using FormArchive.Domain;

namespace FormArchive.ScanGen;

/// <summary>An invented person: random name from common characters, random valid GB 11643-1999 number.</summary>
public sealed record SyntheticPerson(string Name, string IdNumber, string Sex, string Ethnicity, DateOnly BirthDate, string Address)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉梅建国红志强海燕俊峰德明春华秋菊冬梅世英长林金凤玉兰福生";
    // Region codes of counties (public administrative codes; the people are invented).
    private static readonly string[] Regions = ["341702", "341721", "341722", "341723", "500235", "510104", "420102", "330106", "110105", "440304", "370202", "610113"];
    private static readonly string[] Places = ["安徽省池州市贵池区秋浦西路", "安徽省东至县尧渡镇建设路", "安徽省石台县仁里镇", "安徽省青阳县蓉城镇九华中路", "重庆市云阳县青龙街道滨江路", "四川省成都市锦江区东大街", "湖北省武汉市江岸区解放大道"];
    private static readonly string[] Ethnicities = ["汉", "汉", "汉", "汉", "回", "土家", "苗"];

    public static SyntheticPerson Create(Random rng, int minYear = 1940, int maxYear = 2006)
    {
        var name = Surnames[rng.Next(Surnames.Length)].ToString() + Given[rng.Next(Given.Length)] + (rng.Next(3) > 0 ? Given[rng.Next(Given.Length)].ToString() : "");
        var birth = new DateOnly(rng.Next(minYear, maxYear + 1), 1, 1).AddDays(rng.Next(365));
        var seq = rng.Next(1, 1000);
        var first17 = Regions[rng.Next(Regions.Length)] + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + seq.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        var id = ChineseIdNumber.WithCheckChar(first17);
        var sex = (seq % 2 == 1) ? "男" : "女";
        var address = Places[rng.Next(Places.Length)] + rng.Next(1, 300) + "号" + (rng.Next(2) == 0 ? rng.Next(1, 30) + "栋" + rng.Next(101, 1800) + "室" : "");
        return new SyntheticPerson(name, id, sex, Ethnicities[rng.Next(Ethnicities.Length)], birth, address);
    }
}
