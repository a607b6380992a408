package de.kundenpuls.server.catalog;

import java.util.List;
import java.util.Map;

import de.kundenpuls.model.catalog.CategoryView;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Product categories (public).
 *
 * <pre>
 * curl http://localhost:8080/api/categories?lang=en
 * </pre>
 */
public final class CategoryService implements HttpService {

    private final Access access;
    private final Catalog catalog;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog the catalog
     */
    public CategoryService(Access access, Catalog catalog) {
        this.access = access;
        this.catalog = catalog;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", access.anyone((c, req, res) -> {
            String lang = Languages.of(req);
            List<CategoryView> categories = catalog.categories().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new CategoryView(e.getKey(), CatalogViews.localized(e.getValue(), lang), e.getValue()))
                    .toList();
            Responses.revalidated(req, res, categories);
        }));
    }
}
