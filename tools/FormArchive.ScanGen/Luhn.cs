namespace FormArchive.ScanGen;

/// <summary>The Luhn check digit (bank card numbers).</summary>
public static class Luhn
{
    public static char CheckDigit(string payload)
    {
        int sum = 0;
        for (int i = 0; i < payload.Length; i++)
        {
            int d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    public static bool IsValid(string number) => number.Length > 1 && number.All(char.IsAsciiDigit) && CheckDigit(number[..^1]) == number[^1];
}
