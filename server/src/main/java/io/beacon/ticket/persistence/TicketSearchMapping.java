package io.beacon.ticket.persistence;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import java.util.List;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * What the ticket index holds, mapped here rather than by annotations so that the domain stays free of
 * Hibernate. Text fields come twice: in pairs of characters (Korean substrings) and as English words.
 * The filters and sorts of the ticket list are keyword and sortable fields, so that a search combines
 * with them inside the index. The backend (embedded Lucene, or OpenSearch/Elasticsearch) is a setting;
 * this mapping is the same for both.
 */
public class TicketSearchMapping implements HibernateOrmSearchMappingConfigurer {
    static final String COMMENTS_PUBLIC = "commentsPublic";
    static final String COMMENTS_ALL = "comments";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep t = context.programmaticMapping().type(Ticket.class);
        t.indexed().index("ticket");
        t.property("id").genericField("idSort").sortable(Sortable.YES);
        t.property("key").keywordField("key").normalizer(TicketAnalysis.LOWERCASE);
        t.property("title")
                .fullTextField("title").analyzer(TicketAnalysis.BIGRAM).searchAnalyzer(TicketAnalysis.BIGRAM_QUERY)
                .projectable(Projectable.YES).highlightable(java.util.List.of(Highlightable.UNIFIED))
                .fullTextField("title_en").analyzer(TicketAnalysis.ENGLISH)
                .keywordField("titleSort").normalizer(TicketAnalysis.LOWERCASE).sortable(Sortable.YES);
        t.property("description")
                .fullTextField("description").analyzer(TicketAnalysis.BIGRAM).searchAnalyzer(TicketAnalysis.BIGRAM_QUERY)
                .projectable(Projectable.YES).highlightable(java.util.List.of(Highlightable.UNIFIED))
                .fullTextField("description_en").analyzer(TicketAnalysis.ENGLISH);
        t.property("type").keywordField("type");
        t.property("status").keywordField("status").sortable(Sortable.YES);
        t.property("priority").keywordField("priority").sortable(Sortable.YES);
        t.property("createdAt").genericField("createdAt").sortable(Sortable.YES);
        t.property("updatedAt").genericField("updatedAt").sortable(Sortable.YES);
        t.property("ciIds").genericField("ciIds");
        // People and groups by name/id: a change of the reference reindexes the ticket; a user is never renamed.
        t.property("requester").keywordField("requester").valueBridge(new Username())
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        t.property("assignee").keywordField("assignee").valueBridge(new Username())
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        t.property("group").genericField("group").valueBridge(new GroupId())
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        // Comments never change once written; adding one reindexes its ticket (JpaTickets.addComment).
        t.property("comments").binder(new Comments())
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
    }

    /** A user as their user name. */
    static final class Username implements ValueBridge<User, String> {
        @Override
        public String toIndexedValue(User user, ValueBridgeToIndexedValueContext context) {
            return user == null ? null : user.getUsername();
        }
    }

    /** A group as its id. */
    static final class GroupId implements ValueBridge<UserGroup, Long> {
        @Override
        public Long toIndexedValue(UserGroup group, ValueBridgeToIndexedValueContext context) {
            return group == null ? null : group.getId();
        }
    }

    /**
     * The comments' text in two fields: every comment (the desk searches its notes too) and the public
     * ones only (what a requester may find).
     */
    static final class Comments implements PropertyBinder {
        @Override
        public void bind(PropertyBindingContext context) {
            context.dependencies().useRootOnly();
            var f = context.typeFactory();
            var all = context.indexSchemaElement().field(COMMENTS_ALL, f.asString()
                    .analyzer(TicketAnalysis.BIGRAM).searchAnalyzer(TicketAnalysis.BIGRAM_QUERY)
                    .projectable(Projectable.YES).highlightable(java.util.List.of(Highlightable.UNIFIED))).multiValued().toReference();
            var allEn = context.indexSchemaElement().field(COMMENTS_ALL + "_en", f.asString()
                    .analyzer(TicketAnalysis.ENGLISH)).multiValued().toReference();
            var pub = context.indexSchemaElement().field(COMMENTS_PUBLIC, f.asString()
                    .analyzer(TicketAnalysis.BIGRAM).searchAnalyzer(TicketAnalysis.BIGRAM_QUERY)
                    .projectable(Projectable.YES).highlightable(java.util.List.of(Highlightable.UNIFIED))).multiValued().toReference();
            var pubEn = context.indexSchemaElement().field(COMMENTS_PUBLIC + "_en", f.asString()
                    .analyzer(TicketAnalysis.ENGLISH)).multiValued().toReference();
            context.bridge(List.class, new Bridge(all, allEn, pub, pubEn));
        }
    }

    @SuppressWarnings("rawtypes")
    private record Bridge(IndexFieldReference<String> all, IndexFieldReference<String> allEn,
            IndexFieldReference<String> pub, IndexFieldReference<String> pubEn) implements PropertyBridge<List> {
        @Override
        public void write(DocumentElement target, List comments, PropertyBridgeWriteContext context) {
            if (comments == null) {
                return;
            }
            for (Object o : comments) {
                TicketComment c = (TicketComment) o;
                target.addValue(all, c.getBody());
                target.addValue(allEn, c.getBody());
                if (!c.isInternal()) {
                    target.addValue(pub, c.getBody());
                    target.addValue(pubEn, c.getBody());
                }
            }
        }
    }
}
