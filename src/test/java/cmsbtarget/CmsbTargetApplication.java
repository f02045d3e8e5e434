package cmsbtarget;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The target application; started by {@link CmsbTarget}, configured by {@code cmsbtarget.properties}. */
@SpringBootApplication
public class CmsbTargetApplication {
}
