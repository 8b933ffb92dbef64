using BatchTui.Core.Text;
using System.Text;

namespace BatchTui.Core.Results.Export;

/// <summary>
/// RFC 4180 quoting: a field with a comma, quote, CR or LF (or edge spaces) is quoted, quotes doubled. Every field is
/// untrusted text: it goes through <see cref="UntrustedText.ForFile"/>, and one a spreadsheet would evaluate (starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a leading <c>'</c>, as OWASP's CSV injection advice says.
/// </summary>
public static class Csv
{
    public static string Field(string value)
    {
        value = Neutral(value);
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>The field as a spreadsheet may read it: no controls, no formula.</summary>
    public static string Neutral(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return UntrustedText.ForFile(value);
    }

    public static string Row(IEnumerable<string> fields)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (string f in fields)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(Field(f));
        }
        return sb.ToString();
    }

    /// <summary>Splits a CSV text into rows of fields (the reverse of <see cref="Row"/>, for round-trip checks).</summary>
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
            }
            else if (c == '"') inQuotes = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                any = false;
            }
            else field.Append(c);
        }
        if (any) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
