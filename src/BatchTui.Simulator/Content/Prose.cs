using BatchTui.Simulator.Engine;

namespace BatchTui.Simulator.Content;

/// <summary>
/// Realistic answers for each kind of batch (code review, support, translation, labelling, research, evals), built
/// from a few hand-written pieces so thousands of lines read differently from each other.
/// </summary>
internal static class Prose
{
    private static readonly string[] Files =
    [
        "src/billing/InvoiceCalculator.cs", "api/handlers/upload.go", "web/src/components/CartSummary.tsx",
        "services/auth/session.py", "lib/cache/lru.rs", "internal/queue/worker.go", "app/models/subscription.rb",
        "src/main/java/com/acme/orders/OrderService.java",
    ];

    private static readonly string[] ReviewFindings =
    [
        "The retry loop in `{file}` never resets `attempt` after a successful call, so after three transient failures spread over a day every later request gives up immediately. Reset it on success, or better, keep the counter local to each call.",
        "`{file}` reads the whole upload into memory before validating its size. A 2 GB file will take the process down long before the 50 MB limit check runs. Check `Content-Length` first and stream into the temporary file with a bounded buffer.",
        "The new cache in `{file}` is keyed by user id only, but the cached value depends on the locale too. Two users sharing an id across tenants (possible since the migration in #4312) would see each other's totals. Include the tenant and locale in the key.",
        "In `{file}`, `amount * rate` is computed in floating point and rounded at the end. For invoices with many line items this drifts by a cent. Use decimal arithmetic and round per line as the tax rules require.",
        "The lock in `{file}` is taken inside the loop but released only on the success path; the `continue` on a validation error leaves it held. A `defer`/`finally` right after acquiring it fixes this and reads more clearly.",
        "`{file}` logs the full request headers at debug level, which includes the `Authorization` header. Even at debug this ends up in the shared log pipeline. Redact it, or log only the header names.",
        "The pagination in `{file}` uses `OFFSET` with a user-controlled page number. Past page 10,000 this scans the whole table. Switch to keyset pagination on `(created_at, id)`; the index already exists.",
    ];

    private static readonly string[] ReviewVerdicts =
    [
        "Overall this is a solid change: the structure is easy to follow and the tests cover the happy path well. I'd request changes for the first point before merging; the rest can be follow-ups.",
        "Approve with suggestions. None of these block the release, but the second one is worth fixing while the context is fresh.",
        "Requesting changes: the concurrency issue can lose writes under load. Happy to re-review once it is addressed; the remaining comments are minor.",
        "Nice cleanup overall, and the deleted code was genuinely dead. Two small issues below, then this is good to go.",
    ];

    private static readonly string[] Products = ["Acme Sync", "the Pro plan", "the mobile app", "Team workspaces", "the CSV importer", "two-factor login"];

    private static readonly string[] SupportReplies =
    [
        "Hi {name},\n\nThanks for the detailed report, and sorry {product} has been getting in the way. From the logs you attached, the sync stops right after the token refresh at 09:14, which matches a known issue with clocks that drift more than five minutes. Could you check that your device's time is set automatically, then sign out and back in? That forces a fresh session.\n\nIf it still fails, reply with the time of the next failure and I'll escalate it to our engineers with your account details.\n\nBest,\nPriya, Customer Support",
        "Hi {name},\n\nI've looked into the charge from the 3rd: it is the annual renewal for {product}, which was set to renew automatically when the trial ended. I understand that wasn't what you expected. I've issued a full refund of $96.00; it should appear on your statement within 5 to 10 business days, and I've turned off auto-renewal so this won't happen again.\n\nKind regards,\nMarcus, Billing Support",
        "Hello {name},\n\nThanks for reaching out. Exporting from {product} is limited to 10,000 rows per file, which is why your export stopped partway. Two options: filter the report by date and export it in several parts, or use the API export endpoint, which has no row limit. I've linked the guide for both below.\n\nLet me know if you'd like me to run the export for you.\n\nCheers,\nAna",
        "Hi {name},\n\nI'm sorry to hear you were locked out. For your security, accounts lock for 30 minutes after five failed sign-in attempts. The lock on yours has now been cleared. If you didn't make those attempts, please reset your password and turn on {product} from the security settings.\n\nWarm regards,\nTomás, Account Security",
    ];

    private static readonly string[] Names = ["Jordan", "Mei", "Sam", "Fatima", "Lukas", "Aisha", "Diego", "Hannah"];

    private static readonly (string Lang, string Text)[] Translations =
    [
        ("German", "Ihre Bestellung wurde versandt und sollte innerhalb von zwei bis drei Werktagen bei Ihnen eintreffen. Über den Link in dieser E-Mail können Sie die Sendung jederzeit verfolgen."),
        ("French", "Votre commande a été expédiée et devrait vous parvenir d'ici deux à trois jours ouvrés. Vous pouvez suivre le colis à tout moment grâce au lien figurant dans cet e-mail."),
        ("Japanese", "ご注文の商品を発送いたしました。2〜3営業日以内にお届けの予定です。このメールに記載のリンクから、いつでも配送状況をご確認いただけます。"),
        ("Spanish", "Tu pedido ha sido enviado y debería llegar en un plazo de dos a tres días hábiles. Puedes seguir el envío en cualquier momento con el enlace que aparece en este correo."),
        ("Brazilian Portuguese", "Seu pedido foi enviado e deve chegar em dois a três dias úteis. Você pode acompanhar a entrega a qualquer momento pelo link neste e-mail."),
        ("Korean", "주문하신 상품이 발송되었으며 영업일 기준 2~3일 내에 도착할 예정입니다. 이 이메일의 링크를 통해 언제든지 배송 현황을 확인하실 수 있습니다."),
    ];

    private static readonly string[] TranslationNotes =
    [
        "Note: I kept \"Werktagen\" rather than \"Arbeitstagen\" as it is the usual term in shipping notices.",
        "I used the formal register throughout, matching the rest of your transactional emails.",
        "The product name was left untranslated, as in your glossary.",
        "",
    ];

    private static readonly string[] Labels = ["bug_report", "feature_request", "billing", "account_access", "praise", "spam", "how_to_question"];
    private static readonly string[] Sentiments = ["negative", "neutral", "positive", "mixed"];

    private static readonly string[] ResearchAnswers =
    [
        "The short answer is that connection pooling helps most when the cost of establishing a connection dominates the query itself. With TLS to a remote database, setup typically costs 20–50 ms, while a simple indexed lookup takes under 2 ms, so without a pool the handshake is most of the latency.\n\nThe trade-off is that a pool holds connections the database must keep open; with many application instances, the total can exceed the server's `max_connections`. A common rule of thumb is to size each pool to roughly `(cores × 2) + effective spindle count` and put a proxy such as PgBouncer in front when instances scale horizontally.",
        "Studies of remote work productivity disagree mostly because they measure different things. Output-based studies of call-centre staff found gains of around 13%, largely from fewer breaks and sick days, while studies of collaborative engineering teams found that fully remote work reduced the number of cross-team ties, which matters for innovation more than for routine output.\n\nSo the evidence supports hybrid arrangements for work that depends on weak ties, and fully remote work for tasks with clear individual output.",
        "Rust's borrow checker prevents data races at compile time by enforcing that a value has either one mutable reference or any number of shared references, never both. This is the same discipline a reader-writer lock enforces at run time, moved into the type system. It does not prevent deadlocks or logical races, such as two threads each reading a balance and then writing back an updated value; those still need transactions or atomic operations.",
        "Heat pumps remain efficient in cold climates, though less so than in mild ones. Modern cold-climate units keep a coefficient of performance above 2 down to about −15 °C, meaning they deliver twice as much heat as the electricity they consume, and they keep working, at lower efficiency, below −25 °C. Field trials in Norway and Canada found seasonal efficiencies between 2.5 and 3.2.",
    ];

    private static readonly string[] EvalAnswers =
    [
        "Let x be the number of adult tickets. Then 12x + 7(180 − x) = 1,710, so 5x = 450 and x = 90. The theatre sold 90 adult tickets and 90 child tickets.",
        "The function returns the wrong result for an empty list because `max()` raises `ValueError` before the guard is reached. Moving the `if not items: return None` check to the first line fixes it; all six provided test cases then pass.",
        "Answer: (C). Both statements are true, but the second does not explain the first: the rise in sea level is driven by thermal expansion and glacier melt, not by the melting of floating sea ice, which displaces its own mass of water.",
        "The passage argues that public libraries should prioritise digital lending. The strongest evidence it offers is the 40% rise in e-book loans; its weakest assumption is that physical visits fell for the same reason, which the author never shows.",
        "Step 1: the train covers 240 km in 2 h 40 min, i.e. 8/3 h, so its average speed is 240 ÷ 8/3 = 90 km/h. Step 2: at that speed the remaining 135 km take 1.5 h. Total journey time: 4 h 10 min.",
        "def is_palindrome(s: str) -> bool:\n    cleaned = [c.lower() for c in s if c.isalnum()]\n    return cleaned == cleaned[::-1]\n\nThis ignores case and punctuation, so \"A man, a plan, a canal: Panama\" returns True. It runs in O(n) time and O(n) extra space.",
    ];

    public static string For(Theme theme, ref Rng rng) => theme switch
    {
        Theme.CodeReview => CodeReview(ref rng),
        Theme.Support => Support(ref rng),
        Theme.Translation => Translation(ref rng),
        Theme.Labelling => Label(ref rng),
        Theme.Research => rng.Pick(ResearchAnswers),
        Theme.Eval => Eval(ref rng),
        _ => (rng.Int(6)) switch
        {
            0 => CodeReview(ref rng),
            1 => Support(ref rng),
            2 => Translation(ref rng),
            3 => Label(ref rng),
            4 => rng.Pick(ResearchAnswers),
            _ => Eval(ref rng),
        },
    };

    private static readonly string[] Items = ["crates", "parcels", "pallets", "orders", "tickets"];

    private static readonly (string Claim, string Why)[] ChoiceReasons =
    [
        ("the sample is too small to generalise", "the survey only covers 40 respondents from one city"),
        ("correlation is presented as causation", "both trends could be driven by the rise in remote work"),
        ("the conclusion follows from the premises", "every step is supported by the figures in the second paragraph"),
        ("the author relies on an unstated assumption", "the argument only works if prices stay constant, which is never shown"),
    ];

    /// <summary>Evaluation answers: a fixed bank plus generated problems whose numbers are worked out correctly,
    /// so a 100,000-line file is not the same six answers over and over.</summary>
    public static string Eval(ref Rng rng)
    {
        switch (rng.Int(4))
        {
            case 0:
                {
                    int perDay = rng.Int(12, 480), days = rng.Int(3, 21), extra = rng.Int(1, 90);
                    string item = rng.Pick(Items);
                    return $"The depot handles {perDay} {item} a day for {days} days, i.e. {perDay} × {days} = {perDay * days:N0}, " +
                        $"plus {extra} on the final morning: {perDay * days + extra:N0} {item} in total.";
                }
            case 1:
                {
                    char letter = (char)('A' + rng.Int(4));
                    var (claim, why) = rng.Pick(ChoiceReasons);
                    return $"Answer: ({letter}). The best description is that {claim}: {why}. The other options either " +
                        "restate the conclusion or rely on information the passage does not give.";
                }
            case 2:
                {
                    int price = rng.Int(20, 900), pct = rng.Pick(new[] { 5, 10, 12, 15, 20, 25, 30 });
                    decimal discounted = price * (100 - pct) / 100m;
                    return $"A {pct}% discount on ${price} removes ${price * pct / 100m:0.00}, so the sale price is " +
                        $"${discounted:0.00}. Adding 8% sales tax gives ${discounted * 1.08m:0.00}.";
                }
            default:
                return rng.Pick(EvalAnswers);
        }
    }

    public static string CodeReview(ref Rng rng)
    {
        int n = rng.Int(1, 3);
        var parts = new List<string> { "Here is my review of the change.\n" };
        int first = rng.Int(ReviewFindings.Length);
        for (int i = 0; i < n; i++)
            parts.Add($"{i + 1}. " + ReviewFindings[(first + i) % ReviewFindings.Length].Replace("{file}", rng.Pick(Files)));
        parts.Add("\n" + rng.Pick(ReviewVerdicts));
        return string.Join("\n", parts);
    }

    public static string Support(ref Rng rng) =>
        rng.Pick(SupportReplies).Replace("{name}", rng.Pick(Names)).Replace("{product}", rng.Pick(Products));

    public static string Translation(ref Rng rng)
    {
        var (lang, text) = rng.Pick(Translations);
        string note = rng.Pick(TranslationNotes);
        return note.Length == 0 ? text : $"{text}\n\n({lang}) {note}";
    }

    public static string Label(ref Rng rng)
    {
        string label = rng.Pick(Labels);
        string sentiment = rng.Pick(Sentiments);
        double confidence = Math.Round(0.55 + rng.Double() * 0.44, 2);
        return $"{{\"label\": \"{label}\", \"sentiment\": \"{sentiment}\", \"confidence\": {confidence:0.00}, " +
            $"\"needs_human_review\": {(confidence < 0.7 ? "true" : "false")}}}";
    }

    public static string File(ref Rng rng) => rng.Pick(Files);

    public static string Name(ref Rng rng) => rng.Pick(Names);

    /// <summary>A longer answer, cut short as a max_tokens or context-window stop would leave it.</summary>
    public static string Truncated(ref Rng rng)
    {
        string text = CodeReview(ref rng) + "\n\n" + rng.Pick(ResearchAnswers);
        int cut = text.Length * 2 / 3;
        while (cut > 0 && text[cut] != ' ') cut--;
        return text[..cut];
    }
}
