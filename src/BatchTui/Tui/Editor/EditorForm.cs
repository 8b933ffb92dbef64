using BatchTui.Core.Requests;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>
/// The form mode: one request template (model, max_tokens, system, message with <c>{input}</c>, temperature,
/// thinking, tools, stop sequences, metadata) and the inputs it is repeated over. Fits 80 columns.
/// </summary>
internal sealed class EditorForm : View
{
    private const int LabelWidth = 12;
    /// <summary>Shown before the focused field's label: focus must read in every theme, mono and NO_COLOR too.</summary>
    public const string FocusMarker = "▸";
    private bool _loading;

    public EditorForm()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;

        AddRow(0, "Model", Model = Field(28), "max_tokens", MaxTokens = Field(7), "temp", Temperature = Field(5));
        AddRow(1, "Thinking", Thinking = Field(9), "budget", Budget = Field(7), "custom_id", Pattern = Field(12));
        AddRow(2, "System", System = Field(0));
        AddRow(3, "Stop", Stop = Field(20), "metadata", Metadata = Field(0));
        AddRow(4, "Tools JSON", Tools = Field(0));

        var messageLabel = new Label { Text = " Message", X = 0, Y = 5 };
        Message = new MultilineField { X = LabelWidth, Y = 5, Width = Dim.Fill(), Height = 3 };
        Add(messageLabel, Message);
        MarkFocus(messageLabel, Message);
        InputsLabel = new Label { Text = " Inputs", X = 0, Y = 8 };
        Add(InputsLabel, new Label { Text = " one per", X = 0, Y = 9 }, new Label { Text = " line", X = 0, Y = 10 });
        Inputs = new MultilineField { X = LabelWidth, Y = 8, Width = Dim.Fill(), Height = Dim.Fill() };
        Add(Inputs);
        MarkFocus(InputsLabel, Inputs);

        foreach (TextField f in new[] { Model, MaxTokens, Temperature, Thinking, Budget, Pattern, System, Stop, Metadata, Tools })
            f.TextChanged += (_, _) => RaiseChanged();
        Message.Changed += RaiseChanged;
        Inputs.Changed += RaiseChanged;
    }

    public TextField Model { get; }
    public TextField MaxTokens { get; }
    public TextField Temperature { get; }
    /// <summary>empty, enabled, disabled or adaptive (F-key cycles it too).</summary>
    public TextField Thinking { get; }
    public TextField Budget { get; }
    public TextField Pattern { get; }
    public TextField System { get; }
    /// <summary>Stop sequences separated by <c>|</c>.</summary>
    public TextField Stop { get; }
    public TextField Metadata { get; }
    public TextField Tools { get; }
    public MultilineField Message { get; }
    public MultilineField Inputs { get; }
    public Label InputsLabel { get; }

    public event Action? Changed;

    public RequestTemplate Template => new()
    {
        Model = Model.Text,
        MaxTokens = MaxTokens.Text,
        Temperature = Temperature.Text,
        ThinkingType = Thinking.Text.Trim(),
        ThinkingBudget = Budget.Text,
        CustomIdPattern = Pattern.Text,
        System = System.Text,
        StopSequences = string.Join('\n', Stop.Text.Split('|').Where(s => s.Length > 0)),
        MetadataJson = Metadata.Text,
        ToolsJson = Tools.Text,
        UserMessage = Message.Value,
    };

    public string InputsText => Inputs.Value;

    public void Load(RequestTemplate t, string inputs)
    {
        _loading = true;
        try
        {
            Model.Text = t.Model;
            MaxTokens.Text = t.MaxTokens;
            Temperature.Text = t.Temperature;
            Thinking.Text = t.ThinkingType;
            Budget.Text = t.ThinkingBudget;
            Pattern.Text = t.CustomIdPattern;
            System.Text = t.System;
            Stop.Text = string.Join('|', t.StopSequences.Split('\n').Where(s => s.Length > 0));
            Metadata.Text = t.MetadataJson;
            Tools.Text = t.ToolsJson;
            Message.Value = t.UserMessage;
            Inputs.Value = inputs;
        }
        finally
        {
            _loading = false;
        }
    }

    public void SetInputs(string text) => Inputs.Value = text;

    /// <summary>Thinking: none → enabled → disabled → adaptive → none.</summary>
    public void CycleThinking() => Thinking.Text = Thinking.Text.Trim() switch
    {
        "" => "enabled",
        "enabled" => "disabled",
        "disabled" => "adaptive",
        _ => "",
    };

    private void RaiseChanged()
    {
        if (!_loading) Changed?.Invoke();
    }

    /// <summary>
    /// The label's first column shows <see cref="FocusMarker"/> while its field (or anything in it) has focus, and the
    /// field draws in its own attribute (<see cref="FieldFocus"/>).
    /// </summary>
    private static void MarkFocus(Label label, View field)
    {
        field.HasFocusChanged += (_, e) => label.Text = (e.NewValue ? FocusMarker : " ") + label.Text[1..];
        FieldFocus.Follow(field, field is MultilineField m ? m.TextView : field);
    }

    private static TextField Field(int width) => new() { Width = width == 0 ? Dim.Fill() : width };

    /// <summary>A row of label/field pairs; the first label is aligned to the form's label column.</summary>
    private void AddRow(int y, params object[] pairs)
    {
        View? previous = null;
        for (int i = 0; i < pairs.Length; i += 2)
        {
            // No hotkey specifier, or "max_tokens" and "custom_id" would lose their '_'.
            var label = new Label { Text = " " + (string)pairs[i], Y = y, X = previous is null ? 0 : Pos.Right(previous) + 1, HotKeySpecifier = new System.Text.Rune(0xFFFF) };
            var field = (TextField)pairs[i + 1];
            field.Y = y;
            field.X = previous is null ? LabelWidth : Pos.Right(label) + 1;
            Add(label, field);
            MarkFocus(label, field);
            previous = field;
        }
    }
}
