import eniNoInternetExposedPorts from './eni-no-internet-exposed-ports';
import natInstanceNoPublicIngress from './nat-instance-no-public-ingress';

export const INTERFACE_RULES = [natInstanceNoPublicIngress, eniNoInternetExposedPorts];
