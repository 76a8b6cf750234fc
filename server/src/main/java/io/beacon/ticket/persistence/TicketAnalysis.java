package io.beacon.ticket.persistence;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the ticket index. Hangul compounds have no spaces ({@code 메일서버장애}), so words
 * are not enough: Hangul (and Han, kana) runs are cut into overlapping pairs of characters, which finds
 * any substring of two characters or more ({@code 서버장}: {@code 서버} and {@code 버장}, both required).
 * Single characters are indexed too, so a one-character query finds something. Latin words pass
 * through lower-cased; a second field stems them ({@code failures} finds {@code failure}).
 * On OpenSearch/Elasticsearch the same names are defined with the built-in {@code cjk_bigram} filter.
 */
public class TicketAnalysis implements LuceneAnalysisConfigurer {
    static final String BIGRAM = "beacon_bigram";
    static final String BIGRAM_QUERY = "beacon_bigram_query";
    static final String ENGLISH = "beacon_english";
    static final String LOWERCASE = "beacon_lowercase";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(BIGRAM).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(CJKBigramFilterFactory.class).param("outputUnigrams", "true");
        // Queries ask for the pairs only (a lone character stays itself), so every pair must be there.
        context.analyzer(BIGRAM_QUERY).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(CJKBigramFilterFactory.class);
        context.analyzer(ENGLISH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(PorterStemFilterFactory.class);
        context.normalizer(LOWERCASE).custom().tokenFilter(LowerCaseFilterFactory.class);
    }
}
