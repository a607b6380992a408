package de.kundenpuls.server.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * What a comment talks about, as terms: Lucene's German or English analysis (lower case, stop
 * words, umlauts folded, light stemming; German compounds also split into the retail words they
 * are made of, so that "Parkplätze", "Parkhaus" and "parken" all count for "park"), then single
 * words and two-word phrases. A word negated with "nicht", "nie" or "not" counts only as the
 * phrase ("nicht freundlich" is never praise); a noun after "kein" or "no" still names the
 * topic ("keinen Parkplatz gefunden" is about parking) and counts as the phrase as well. Every
 * term keeps the words the customer wrote as its label.
 * Thread-safe (Lucene's analyzers reuse a token stream per thread).
 */
public final class CommentTerms {

    /** The languages analysed; another comment language is read as German. */
    public static final List<String> LANGUAGES = List.of("de", "en");

    /** Negations that deny what follows: its word counts only inside the phrase. */
    private static final Set<String> DENYING_DE = Set.of("nicht", "nie", "niemals");
    private static final Set<String> DENYING_EN = Set.of("not", "never", "cannot");
    /** Negations that say something is missing: what follows is still the topic. */
    private static final Set<String> MISSING_DE = Set.of("kein", "keine", "keinen", "keinem", "keiner", "keines", "ohne");
    private static final Set<String> MISSING_EN = Set.of("no", "without");
    private static final Set<String> NEGATIONS_DE = union(DENYING_DE, MISSING_DE);
    private static final Set<String> NEGATIONS_EN = union(DENYING_EN, MISSING_EN);
    /**
     * The retail words German compounds are split into. A short, readable list instead of a full
     * dictionary: the words customers combine when they describe a store ("Parkplatz",
     * "Kassenschlange", "Wartezeit", "Umkleidekabine").
     */
    private static final List<String> PARTS_DE = List.of("park", "platz", "haus", "kasse", "kassen", "schlange", "warte", "zeit",
            "regal", "preis", "personal", "beratung", "umkleide", "kabine", "wagen", "einkauf", "tuete", "milch", "brot", "obst",
            "gemuese", "frisch", "theke", "service", "angebot", "rabatt", "laden", "markt", "eingang", "ausgang", "groesse",
            "ware", "karte", "zahlung", "selbst", "bedienung", "mitarbeiter", "app", "code", "gutschein",
            "toilette", "licht", "musik", "kunden");
    private static final CharArraySet STOP_DE = without(GermanAnalyzer.getDefaultStopSet(), NEGATIONS_DE);
    /** Lucene's English stop words are few (33); these are the function words of short reviews besides them. */
    private static final List<String> MORE_STOP_EN = List.of("i", "me", "my", "we", "our", "you", "your", "he", "she", "him",
            "her", "it's", "its", "am", "was", "were", "been", "being", "has", "have", "had", "do", "does", "did", "can", "could",
            "would", "should", "will", "very", "really", "so", "too", "just", "all", "also", "again", "here", "what", "when",
            "which", "who", "got", "get", "im", "one", "us", "from", "up", "out", "today");
    private static final CharArraySet STOP_EN = without(withMore(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, MORE_STOP_EN), NEGATIONS_EN);
    private static final CharArraySet DICTIONARY_DE = new CharArraySet(PARTS_DE, false);

    private static final Analyzer GERMAN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new StopFilter(s, STOP_DE);
            s = new GermanNormalizationFilter(s);
            s = new DictionaryCompoundWordTokenFilter(s, DICTIONARY_DE, 5, 3, 15, false);
            s = new SetKeywordMarkerFilter(s, new CharArraySet(NEGATIONS_DE, false));
            return new TokenStreamComponents(source, new GermanLightStemFilter(s));
        }
    };
    private static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, STOP_EN);
            s = new SetKeywordMarkerFilter(s, new CharArraySet(NEGATIONS_EN, false));
            return new TokenStreamComponents(source, new PorterStemFilter(s));
        }
    };

    private CommentTerms() {
    }

    /**
     * A comment's language and terms.
     *
     * @param language {@code de} or {@code en}
     * @param terms    term → the words it stands for in this comment (its label)
     */
    public record Analysed(String language, Map<String, String> terms) {
    }

    /**
     * Analyses a comment.
     *
     * @param text the comment
     * @return its language and terms, each once
     */
    public static Analysed analyse(String text) {
        String language = language(text);
        return new Analysed(language, terms(text, language));
    }

    /**
     * The language of a comment, by its stop words: English when it has more English than German ones.
     *
     * @param text the comment
     * @return {@code de} or {@code en}
     */
    static String language(String text) {
        int de = 0;
        int en = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            // Words of both lists ("was", "in", "so") tell nothing.
            boolean german = GermanAnalyzer.getDefaultStopSet().contains(word);
            boolean english = STOP_EN.contains(word) || NEGATIONS_EN.contains(word);
            if (german && !english) {
                de++;
            } else if (english && !german) {
                en++;
            }
        }
        return en > de ? "en" : "de";
    }

    /**
     * The terms of a comment in a language.
     *
     * @param text     the comment
     * @param language {@code de} or {@code en}
     * @return term → label, in the order they occur
     */
    static Map<String, String> terms(String text, String language) {
        boolean german = !language.equals("en");
        Set<String> denying = german ? DENYING_DE : DENYING_EN;
        Set<String> missing = german ? MISSING_DE : MISSING_EN;
        Map<String, String> terms = new LinkedHashMap<>();
        try (TokenStream stream = (german ? GERMAN : ENGLISH).tokenStream("comment", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String previous = null;
            String previousLabel = null;
            String negation = null;
            boolean denied = false;
            while (stream.incrementToken()) {
                String stem = term.toString();
                String surface = text.substring(offset.startOffset(), offset.endOffset());
                boolean part = position.getPositionIncrement() == 0;
                if (part) {
                    // A piece of the compound just read ("park" of "Parkplatz"); negated with it.
                    if (!denied && useful(stem)) {
                        terms.putIfAbsent(stem, surface);
                    }
                    continue;
                }
                if (denying.contains(stem) || missing.contains(stem) || stem.endsWith("n't")) {
                    negation = denying.contains(stem) || stem.endsWith("n't") ? (german ? "nicht" : "not") : (german ? "kein" : "no");
                    previous = null;
                    continue;
                }
                String negatedBy = negation;
                negation = null;
                denied = negatedBy != null && (negatedBy.equals("nicht") || negatedBy.equals("not"));
                if (!useful(stem)) {
                    previous = null;
                    continue;
                }
                if (negatedBy != null) {
                    terms.putIfAbsent(negatedBy + " " + stem, negatedBy + " " + surface);
                    if (denied) {
                        previous = null;
                        continue;
                    }
                }
                terms.putIfAbsent(stem, surface);
                if (previous != null) {
                    terms.putIfAbsent(previous + " " + stem, previousLabel + " " + surface);
                }
                previous = stem;
                previousLabel = surface;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static boolean useful(String stem) {
        return stem.length() >= 3 && !stem.chars().allMatch(Character::isDigit);
    }

    private static CharArraySet withMore(CharArraySet stops, List<String> more) {
        CharArraySet all = new CharArraySet(stops, false);
        all.addAll(more);
        return all;
    }

    private static CharArraySet without(CharArraySet stops, Set<String> keep) {
        CharArraySet copy = new CharArraySet(stops.size(), false);
        for (Object word : stops) {
            String w = new String((char[]) word);
            if (!keep.contains(w)) {
                copy.add(w);
            }
        }
        return copy;
    }
}
