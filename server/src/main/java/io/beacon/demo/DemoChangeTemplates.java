package io.beacon.demo;

import io.beacon.change.application.ChangeTemplateService;
import io.beacon.change.application.NewChangeTemplate;
import io.beacon.cmdb.domain.ConfigurationItem;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Two pre-approved standard changes in the catalogue, one named in Korean and one in English. */
@ApplicationScoped
public class DemoChangeTemplates {
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));

    @Inject
    ChangeTemplateService templates;

    @Inject
    ConfigurationItems cis;

    void load() {
        templates.create(ADMIN, new NewChangeTemplate("월간 OS 보안 패치 적용", "매월 둘째 주 화요일 공개되는 OS 보안 패치를 서버에 적용합니다.",
                "low", ids("mail-01"), "1. 스냅샷 생성\n2. 패치 적용 후 재부팅\n3. 서비스 기동 확인",
                "스냅샷으로 복원", "메일 송수신 테스트, 모니터링 알람 없음 확인"));
        templates.create(ADMIN, new NewChangeTemplate("Renew a TLS certificate",
                "Replace an expiring TLS certificate on a web server with the renewed one.", "low", ids("web-01"),
                "1. Install the renewed certificate and chain\n2. Reload the web server",
                "Put the previous certificate back and reload",
                "Open the site: the new expiry date shows; no TLS errors in the log"));
    }

    private List<Long> ids(String... names) {
        return java.util.Arrays.stream(names).map(cis::byName).flatMap(java.util.Optional::stream)
                .map(ConfigurationItem::getId).toList();
    }
}
