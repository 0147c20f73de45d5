import getWebTagSettings from './getWebTagSettings';
import handlePrivacyRequest from './handlePrivacyRequest';
import importIpRanges from './importIpRanges';
import listAccountVisits from './listAccountVisits';
import listPrivacyRequests from './listPrivacyRequests';
import recordPrivacyRequest from './recordPrivacyRequest';

/** Web tag settings, the IP-range file, account visits and the privacy register (issue 11). */
export const webTagRoutes = [getWebTagSettings, importIpRanges, listAccountVisits, listPrivacyRequests, recordPrivacyRequest, handlePrivacyRequest] as const;
